/**
 * Reading Markdown as GitHub renders it, for the documentation tests: headings, the anchors GitHub
 * gives them, and the links a page makes. Code blocks, inline code and HTML comments are not read,
 * since GitHub renders no heading or link from them.
 */

/** One ATX heading (`## Title`) with its level. */
export type Heading = { level: number; text: string };

/** One link or image target as written, with the 1-based line it is on. */
export type Link = { target: string; line: number };

const fence = /^ {0,3}(`{3,}|~{3,})/;

/** The page's lines with fenced code blocks blanked out (line numbers kept) and HTML comments removed. */
const proseLines = (markdown: string): string[] => {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, '')).split('\n');
  let open: string | undefined;
  return lines.map((line) => {
    const marker = fence.exec(line)?.[1];
    if (open === undefined) {
      if (marker !== undefined) {
        open = marker;
        return '';
      }
      return line;
    }
    if (marker !== undefined && marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) {
      open = undefined;
    }
    return '';
  });
};

/** The page's ATX headings, in order. */
export const headingsOf = (markdown: string): Heading[] =>
  proseLines(markdown).flatMap((line) => {
    const match = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    return match === null ? [] : [{ level: match[1]!.length, text: match[2]! }];
  });

/** A heading's text as GitHub renders it: inline code, links, emphasis and HTML tags reduced to their text. */
const renderedText = (text: string): string =>
  text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*{1,3}|\b_{1,3})([^*_]+)\1/g, '$2');

/**
 * GitHub's anchor for a heading (the rule of `github-slugger`): lower case; every character that is
 * not a letter, mark, decimal digit, connector punctuation, space or `-` removed (so `？`, `（`, `：`
 * go, Chinese characters stay); each space becomes `-`.
 */
export const slugOf = (headingText: string): string =>
  renderedText(headingText)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

/** Every anchor a page offers: its headings' slugs (a repeated slug gets `-1`, `-2`, …) and HTML `id`s. */
export const anchorsOf = (markdown: string): Set<string> => {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of headingsOf(markdown)) {
    const slug = slugOf(text);
    let unique = slug;
    while (anchors.has(unique)) {
      const count = (seen.get(slug) ?? 0) + 1;
      seen.set(slug, count);
      unique = `${slug}-${count}`;
    }
    anchors.add(unique);
  }
  for (const [, id] of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) {
    anchors.add(id!);
  }
  return anchors;
};

/** Every link and image target on the page: inline `[text](target)`, `![alt](target)` and `[label]: target`. */
export const linksOf = (markdown: string): Link[] =>
  proseLines(markdown).flatMap((line, index) => {
    const prose = line.replace(/(`+)[^`]*?\1/g, '');
    const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(([, target]) => target!);
    const definition = /^ {0,3}\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/.exec(prose)?.[1];
    return [...inline, ...(definition === undefined ? [] : [definition])].map((target) => ({ target, line: index + 1 }));
  });

/** Whether a target leaves the repository (a URL with a scheme, or protocol-relative). */
export const isExternal = (target: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//');
