/**
 * @module logo
 * The Console's logo for this connector, `logo.svg` as a `data:` URL. Logto's loader turns a
 * logo path into exactly this URL by reading the file on every request that builds connectors
 * (`@logto/cli` `readUrl`), and passes a URL it cannot find as a file through unchanged, so the
 * Console shows the same image and the loader reads one file fewer per send (bench/README.md).
 * `src/metadata.test.ts` checks it against `logo.svg`.
 */
export const logoDataUrl =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI2NCIgaGVpZ2h0PSI2NCIgdmlld0JveD0iMCAwIDY0IDY0IiByb2xlPSJpbWciIGFyaWEtbGFiZWxsZWRieT0idGl0bGUiPgogIDx0aXRsZSBpZD0idGl0bGUiPkFsaXl1biBTTVMgY29ubmVjdG9yPC90aXRsZT4KICA8cmVjdCB4PSIyIiB5PSIyIiB3aWR0aD0iNjAiIGhlaWdodD0iNjAiIHJ4PSIxNCIgZmlsbD0iI0ZGNkEwMCIvPgogIDxwYXRoIGQ9Ik0xNCAxOGgzNmE0IDQgMCAwIDEgNCA0djE4YTQgNCAwIDAgMS00IDRIMzBsLTkgOHYtOGgtN2E0IDQgMCAwIDEtNC00VjIyYTQgNCAwIDAgMSA0LTR6IiBmaWxsPSIjRkZGRkZGIi8+CiAgPGNpcmNsZSBjeD0iMjIiIGN5PSIzMSIgcj0iMy4yIiBmaWxsPSIjRkY2QTAwIi8+CiAgPGNpcmNsZSBjeD0iMzIiIGN5PSIzMSIgcj0iMy4yIiBmaWxsPSIjRkY2QTAwIi8+CiAgPGNpcmNsZSBjeD0iNDIiIGN5PSIzMSIgcj0iMy4yIiBmaWxsPSIjRkY2QTAwIi8+Cjwvc3ZnPgo=';
