import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../helpers/bundleForNode';

/** The packaging config is data electron-builder reads: parsed here as YAML, the fuses it sets are pinned. */
describe('electron-builder.yml', () => {
  it('sets every fuse the security checklist requires', () => {
    const config = parse(readFileSync(`${REPO_ROOT}/electron-builder.yml`, 'utf8')) as { electronFuses: Record<string, boolean>; asar: boolean };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
