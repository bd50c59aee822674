import { describe, expect, it } from 'vitest';
import { extensionOriginKind } from '../../../electron/core/connector/origins';
import { DOSSIER_EXTENSION_ORIGIN } from '../../../shared/connector/protocol';

describe('which origins may use the connector', () => {
  it("accepts the Dossier Chrome extension's fixed origin and a Firefox extension's moz-extension://UUID origin", () => {
    expect(extensionOriginKind(DOSSIER_EXTENSION_ORIGIN)).toBe('chromium');
    expect(extensionOriginKind('moz-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c')).toBe('firefox');
  });

  it('refuses web pages, other Chromium extensions, missing or null origins and look-alikes', () => {
    for (const origin of [
      undefined,
      '',
      'null',
      'http://127.0.0.1:23917',
      'https://evil.example',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      `${DOSSIER_EXTENSION_ORIGIN}.evil.example`,
      `${DOSSIER_EXTENSION_ORIGIN}/`,
      'CHROME-EXTENSION://ogpjhnhbebbpejicmnofonhcaalgjeli',
      'moz-extension://0B6D4A1E-3C2F-4E8A-9D7B-5F1C2E3A4B5C',
      'moz-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c.evil.example',
      'moz-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c/',
      'moz-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c:80',
      'moz-extension://not-a-uuid',
      'moz-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c\nX-Injected: 1',
      'safari-web-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c',
    ]) {
      expect(extensionOriginKind(origin), String(origin)).toBeNull();
    }
  });

  it('takes the Chromium origins it is given (a test build with another key) instead of the default', () => {
    expect(extensionOriginKind('chrome-extension://abcdefghijklmnopabcdefghijklmnop', ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'])).toBe('chromium');
    expect(extensionOriginKind(DOSSIER_EXTENSION_ORIGIN, ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'])).toBeNull();
  });
});
