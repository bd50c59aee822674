import { describe, expect, it } from 'vitest';
import { locateChromium, type LookupMachine } from '../../e2e/browserLookup';

/** A machine with these files and commands; records whether Playwright was asked to download. */
function machine(
  platform: NodeJS.Platform,
  files: string[],
  options: {
    env?: Record<string, string>;
    commands?: Record<string, string>;
    playwright?: string;
    downloads?: boolean;
  } = {},
): LookupMachine & { installs: number } {
  const present = new Set(files);
  const fake = {
    installs: 0,
    platform,
    env: options.env ?? {},
    exists: (path: string) => present.has(path),
    which: (command: string) => options.commands?.[command] ?? null,
    playwrightChromium: () => options.playwright ?? null,
    installPlaywrightChromium: () => {
      fake.installs += 1;
      if (options.downloads && options.playwright) present.add(options.playwright);
      return Boolean(options.downloads);
    },
  };
  return fake;
}

describe('the e2e browser lookup', () => {
  it('on Debian drives the real chromium binary behind the wrapper script on PATH', () => {
    const debian = machine('linux', ['/usr/bin/chromium', '/usr/lib/chromium/chromium'], {
      commands: { chromium: '/usr/bin/chromium' },
    });
    expect(locateChromium(debian)).toBe('/usr/lib/chromium/chromium');
  });

  it('on Linux finds Chrome or Edge by command name, and in /opt when not on PATH', () => {
    expect(
      locateChromium(
        machine('linux', ['/usr/bin/google-chrome-stable'], {
          commands: { 'google-chrome-stable': '/usr/bin/google-chrome-stable' },
        }),
      ),
    ).toBe('/usr/bin/google-chrome-stable');
    expect(locateChromium(machine('linux', ['/opt/microsoft/msedge/msedge']))).toBe('/opt/microsoft/msedge/msedge');
  });

  it('on macOS finds Chrome, Chromium or Edge in /Applications or ~/Applications', () => {
    expect(locateChromium(machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    const edgeInHome = '/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(locateChromium(machine('darwin', [edgeInHome], { env: { HOME: '/Users/ana' } }))).toBe(edgeInHome);
  });

  it("on Windows finds Chrome or Edge under Program Files or the user's local app data", () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(locateChromium(machine('win32', [edge], { env }))).toBe(edge);
    const userChrome = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(locateChromium(machine('win32', [userChrome, edge], { env }))).toBe(userChrome);
  });

  it('takes DOSSIER_CHROMIUM first, and says so when it points nowhere', () => {
    expect(
      locateChromium(
        machine('linux', ['/x/chrome', '/usr/lib/chromium/chromium'], { env: { DOSSIER_CHROMIUM: '/x/chrome' } }),
      ),
    ).toBe('/x/chrome');
    expect(() => locateChromium(machine('linux', [], { env: { DOSSIER_CHROMIUM: '/x/gone' } }))).toThrow(
      /DOSSIER_CHROMIUM points at \/x\/gone/,
    );
  });

  it("uses Playwright's Chromium when already downloaded, without downloading again", () => {
    const own = '/home/ana/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    const m = machine('linux', [own], { playwright: own });
    expect(locateChromium(m)).toBe(own);
    expect(m.installs).toBe(0);
  });

  it("downloads Playwright's Chromium once when nothing is installed and the network allows", () => {
    const own = 'C:\\Users\\ana\\AppData\\Local\\ms-playwright\\chromium-1200\\chrome-win\\chrome.exe';
    const m = machine('win32', [], { playwright: own, downloads: true });
    expect(locateChromium(m)).toBe(own);
    expect(m.installs).toBe(1);
  });

  it('stops with one line naming what to install for the OS when no browser can be found or fetched', () => {
    const offline = machine('darwin', [], { playwright: '/nowhere/chrome', downloads: false });
    let message = '';
    try {
      locateChromium(offline);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(offline.installs).toBe(1);
    expect(message).not.toContain('\n');
    expect(message).toMatch(
      /install Google Chrome or Chromium in \/Applications.*npx playwright install chromium.*DOSSIER_CHROMIUM/,
    );
    const noDownload = machine('linux', [], {
      env: { DOSSIER_NO_BROWSER_DOWNLOAD: '1' },
      downloads: true,
      playwright: '/p/chrome',
    });
    expect(() => locateChromium(noDownload)).toThrow(/apt-get install -y chromium/);
    expect(noDownload.installs).toBe(0);
  });
});
