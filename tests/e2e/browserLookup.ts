/**
 * Which Chromium the end-to-end tests drive, as pure logic over an injected
 * machine (platform, environment, file system, installer) so every OS's rules
 * are unit-tested here without a browser (tests/unit/e2e/browserLookup.test.ts).
 *
 * Order: $DOSSIER_CHROMIUM (or $CHROMIUM_PATH); an installed Chrome, Edge or
 * Chromium in the OS's usual places; Playwright's own Chromium if it was
 * downloaded; else Playwright downloads it once (where the network allows and
 * $DOSSIER_NO_BROWSER_DOWNLOAD is unset); else one line saying what to install.
 */
export interface LookupMachine {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  exists(path: string): boolean;
  /** The absolute path of a command on PATH, or null. */
  which(command: string): string | null;
  /** Playwright's own Chromium path (whether or not it is downloaded), or null when it cannot say. */
  playwrightChromium(): string | null;
  /** Runs `playwright install chromium`; true when it finished without error. */
  installPlaywrightChromium(): boolean;
}

/** Debian's `chromium` command is a wrapper script that prints a warning; the real binary sits here. */
const DEBIAN_CHROMIUM_BINARY = '/usr/lib/chromium/chromium';

const LINUX_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];
const LINUX_PATHS = [
  DEBIAN_CHROMIUM_BINARY,
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
  '/usr/bin/chromium',
  '/usr/bin/google-chrome',
];
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const WINDOWS_APPS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'Chromium\\Application\\chrome.exe',
];

/** Where each OS keeps installed browsers, best first. */
export function installedBrowserCandidates(machine: Pick<LookupMachine, 'platform' | 'env' | 'which'>): string[] {
  const { platform, env } = machine;
  if (platform === 'darwin') {
    const roots = ['/Applications', ...(env.HOME ? [`${env.HOME}/Applications`] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string =>
      Boolean(root),
    );
    return WINDOWS_APPS.flatMap((app) => roots.map((root) => `${root}\\${app}`));
  }
  const onPath = LINUX_COMMANDS.map((command) => machine.which(command)).filter(
    (path): path is string => path !== null,
  );
  // `chromium` on PATH is Debian's wrapper script: drive the binary beside it.
  const preferred = onPath.map((path) => (/\/chromium$/.test(path) ? DEBIAN_CHROMIUM_BINARY : path));
  return [...new Set([...preferred, ...onPath, ...LINUX_PATHS])];
}

export const INSTALL_HINT: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  linux: 'install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) or Google Chrome',
  darwin: 'install Google Chrome or Chromium in /Applications',
  win32: 'install Google Chrome or Microsoft Edge',
};

/** The browser to drive, or an Error whose message is the one line to show. */
export function locateChromium(machine: LookupMachine): string {
  const fromEnv = machine.env.DOSSIER_CHROMIUM ?? machine.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!machine.exists(fromEnv))
      throw new Error(`DOSSIER_CHROMIUM points at ${fromEnv}, which does not exist: fix or unset it.`);
    return fromEnv;
  }
  const installed = installedBrowserCandidates(machine).find((path) => machine.exists(path));
  if (installed) return installed;
  const own = machine.playwrightChromium();
  if (own && machine.exists(own)) return own;
  if (!machine.env.DOSSIER_NO_BROWSER_DOWNLOAD && machine.installPlaywrightChromium()) {
    const downloaded = machine.playwrightChromium();
    if (downloaded && machine.exists(downloaded)) return downloaded;
  }
  const hint = INSTALL_HINT[machine.platform] ?? 'install Google Chrome or Chromium';
  throw new Error(
    `No Chromium for the end-to-end tests: ${hint}, run \`npx playwright install chromium\` ` +
      'where the network allows, or set DOSSIER_CHROMIUM=/path/to/chrome.',
  );
}
