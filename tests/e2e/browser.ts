import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { locateChromium, type LookupMachine } from './browserLookup';

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

/** This machine, for browserLookup.ts. */
const thisMachine: LookupMachine = {
  platform: process.platform,
  env: process.env,
  exists: existsSync,
  which(command) {
    try {
      return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  },
  playwrightChromium() {
    try {
      return chromium.executablePath() || null;
    } catch {
      return null;
    }
  },
  installPlaywrightChromium() {
    const cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
    console.error(
      "[e2e] No Chrome, Edge or Chromium installed: downloading Playwright's Chromium once " +
        '(npx playwright install chromium)…',
    );
    return (
      spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 10 * 60_000 }).status === 0
    );
  },
};

let found: string | undefined;

/** The Chromium to drive (see browserLookup.ts for the order); throws one line saying what to install. */
export function findChromium(): string {
  found ??= locateChromium(thisMachine);
  return found;
}
