import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { describe, expect, it, vi } from 'vitest';

import { loadTransport } from './transport.js';

// A Logto install whose node_modules lacks got: importing it fails (vitest words the cause its own way).
vi.mock('got', () => {
  throw new Error("Cannot find package 'got'");
});

describe('transport without got', () => {
  it('reports the missing package as a ConnectorError that says what to do, on every send', async () => {
    for (let send = 0; send < 2; send += 1) {
      const error: unknown = await loadTransport().catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: ConnectorErrorCodes.General });
      expect((error as ConnectorError).data).toEqual({
        errorDescription: expect.stringMatching(
          /^The connector could not load the got package \(.+\); Logto ships it, so reinstall Logto's dependencies or add got next to the connector\.$/
        ),
      });
    }
  });
});
