import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildExtension, FIREFOX_ADDON_ID } from '../../../electron/launch/build-extension.mjs';
import { makeTempDir } from '../../helpers/tempDir';

describe('the extension build', () => {
  const dirs: ReturnType<typeof makeTempDir>[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  it('emits a Chromium and a Firefox variant from the same sources, differing only in the manifest', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const [chromiumDir, firefoxDir] = await Promise.all([buildExtension(dir.file('chromium')), buildExtension(dir.file('firefox'), { browser: 'firefox' })]);
    const read = (d: string, f: string) => readFileSync(`${d}/${f}`, 'utf8');
    const chromium = JSON.parse(read(chromiumDir, 'manifest.json'));
    const firefox = JSON.parse(read(firefoxDir, 'manifest.json'));
    expect(chromium.background).toEqual({ service_worker: 'background.js' });
    expect(chromium.key).toBeTruthy();
    // Firefox: an event page (background.scripts), an add-on id, no Chrome-only keys.
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings).toEqual({ gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '128.0' } });
    expect(firefox).not.toHaveProperty('key');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    for (const same of ['manifest_version', 'permissions', 'host_permissions', 'commands', 'action', 'content_security_policy']) expect(firefox[same], same).toEqual(chromium[same]);
    for (const file of ['background.js', 'popup.js', 'popup.html', 'popup.css']) expect(read(firefoxDir, file), file).toBe(read(chromiumDir, file));
  });
});
