/**
 * @module fake-logto-hooks
 * A fake Logto (fake-logto.ts) for one test file: started before its tests, closed after them.
 */
import { afterAll, beforeAll } from 'vitest';

import { blank, startFakeLogto, type FakeLogto } from './fake-logto.js';

/** Registers the hooks that start and stop a fake Logto for this file; its fields are set once it listens. */
export const useFakeLogto = (): FakeLogto => {
  const logto = blank();
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ close } = await startFakeLogto(logto));
  });
  afterAll(async () => {
    await close?.();
  });
  return logto;
};
