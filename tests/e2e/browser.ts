import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The flags this machine needs (see ../shared/ENVIRONMENT.md): no sandbox as root, no background network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Finds a Chromium to drive: $DOSSIER_CHROMIUM (or $CHROMIUM_PATH), then a
 * browser Playwright downloaded itself, then Debian's `chromium` (preferring
 * the real binary behind its wrapper script). Fails with what to do.
 */
export function findChromium(): string {
  const fromEnv = process.env.DOSSIER_CHROMIUM ?? process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`DOSSIER_CHROMIUM points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here; fall through to the system one.
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (!found) continue;
      const real = realpathSync(found);
      const beside = '/usr/lib/chromium/chromium';
      return name === 'chromium' && existsSync(beside) ? beside : real;
    } catch {
      // not installed under this name
    }
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
      'or set DOSSIER_CHROMIUM=/path/to/chrome. Playwright cannot download its own browser on this network.',
  );
}
