/**
 * What the operator commands print: progress only on a terminal, the last guard against secrets,
 * the masked AccessKey ID.
 */
import { describe, expect, it } from 'vitest';

import { checksJson, progressLine, withoutSecrets } from './cli-output.js';
import { maskAccessKeyId } from './secret-mask.js';

const recorder = (isTTY: boolean) => {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe('progressLine', () => {
  it('writes one rewritten line on a terminal and clears it', () => {
    const { stream, written } = recorder(true);
    const progress = progressLine(stream);
    progress.update({ done: 1, total: 3, label: 'template SMS_1' });
    progress.clear();
    expect(written).toEqual(['\r\u001B[2K… 1/3 answered (template SMS_1)', '\r\u001B[2K']);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const { stream, written } = recorder(false);
    progressLine(stream).update({ done: 1, total: 3, label: 'x' });
    expect(written).toEqual([]);
  });
});

describe('secrets', () => {
  it('withoutSecrets removes every listed secret', () => {
    expect(withoutSecrets('key S3cr3t and S3cr3t again', ['S3cr3t', ''])).toBe('key [redacted] and [redacted] again');
  });

  it.each([
    ['LTAI5tSandboxDemoKeyId', 'LTAI****yId'],
    ['LTAI5tShort', '****'],
  ])('maskAccessKeyId(%s) is %s', (id, masked) => {
    expect(maskAccessKeyId(id)).toBe(masked);
  });

  it('checksJson keeps exactly id, status, summary, fix and aliyun', () => {
    expect(JSON.parse(checksJson([{ id: 'a', status: 'pass', summary: 's', extra: 1 } as never]))).toEqual({ checks: [{ id: 'a', status: 'pass', summary: 's' }] });
  });
});
