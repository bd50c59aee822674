// Finds the Electron binary without `require('electron')`: since Electron 45 that require downloads
// the binary on first use and prints "Downloading Electron binary..." to stdout, which is not a path.
// Here the path comes from what electron's own install writes (node_modules/electron/path.txt) or
// from $DOSSIER_ELECTRON, and a download, when needed, runs electron's install.js on its own, so its
// failure can be told apart: offline, too slow, or a Node too old for @electron/get.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @electron/get (which downloads Electron) declares this Node in its engines; on Node 20 it still ran
 * here (it got as far as the network). Running an already downloaded Electron needs no particular Node.
 */
export const DOWNLOAD_NODE_RANGE = { major: 22, minor: 12 };

/** The binary to run, or undefined when Electron is not downloaded yet. */
export function findElectronBinary(electronDir, env = process.env) {
  if (env.DOSSIER_ELECTRON) return existsSync(env.DOSSIER_ELECTRON) ? env.DOSSIER_ELECTRON : undefined;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export function nodeCanDownload(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > DOWNLOAD_NODE_RANGE.major || (major === DOWNLOAD_NODE_RANGE.major && minor >= DOWNLOAD_NODE_RANGE.minor);
}

/** Why a download attempt failed, from spawnSync's result: 'slow', 'offline' or 'failed'. */
export function classifyDownloadFailure(result) {
  if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM') return 'slow';
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|socket hang up|self.signed|certificate/i.test(output)) return 'offline';
  return 'failed';
}

/** Runs electron's own installer: { ok: true } or { ok: false, kind, detail }. */
export function downloadElectron(electronDir, { timeoutMs = 10 * 60_000 } = {}) {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: timeoutMs });
  if (result.status === 0 && !result.error) return { ok: true };
  // The error's own line, not its stack frames.
  const firstLine = `${result.stderr ?? ''}`.split('\n').find((line) => line.trim() && !/^\s+at /.test(line))?.trim() ?? result.error?.message ?? '';
  const kind = classifyDownloadFailure(result);
  return { ok: false, kind: kind === 'failed' && !nodeCanDownload() ? 'node-too-old' : kind, detail: firstLine };
}

const BROWSER_INSTEAD =
  'Everything else works without it: `npm run web` serves the same app to your browser (it prints a local URL to open), and `npx dossier --help` is the command line.';

/** One paragraph per reason `npm start` cannot launch Electron. */
export function explainStartFailure(kind, detail = '') {
  const why = detail ? ` (${detail})` : '';
  switch (kind) {
    case 'offline':
      return `Dossier could not download Electron${why}: this machine cannot reach GitHub, where Electron's binary is published (offline, or a network that only allows the npm registry). Run \`npm start\` once on a connected network; after that it works offline. ${BROWSER_INSTEAD}`;
    case 'slow':
      return `Downloading Electron took too long and was stopped${why}. The network is reachable but slow: run \`npm start\` again to resume, or download it by hand with \`node node_modules/electron/install.js\`. ${BROWSER_INSTEAD}`;
    case 'node-too-old':
      return `Electron could not be downloaded${why}, and its downloader (@electron/get) is made for Node ${DOWNLOAD_NODE_RANGE.major}.${DOWNLOAD_NODE_RANGE.minor} or newer; this is ${process.versions.node}. Install a newer Node (the app itself, the CLI and the tests run on Node 20.11+), or point $DOSSIER_ELECTRON at an Electron binary of the version package.json names. ${BROWSER_INSTEAD}`;
    case 'native-build':
      return `Dossier could not prepare its database module for Electron${why}: no prebuilt better-sqlite3 for this Electron could be downloaded, and compiling it failed (it needs Python 3 and a C++ toolchain: Xcode command-line tools, build-essential, or Visual Studio Build Tools). ${BROWSER_INSTEAD}`;
    case 'spawn':
      return `Electron could not be started${why}. Delete node_modules/electron/dist and run \`npm start\` again to download it afresh. ${BROWSER_INSTEAD}`;
    case 'sandbox':
      return `Electron stopped because the system did not let it create its sandbox${why}. On Ubuntu 24.04 and later, AppArmor blocks unprivileged user namespaces for programs it has no profile for, which includes an Electron run from node_modules and the AppImage: give this binary an AppArmor profile that allows them (the README, "Run it", shows one). Dossier is never started with the sandbox turned off. ${BROWSER_INSTEAD}`;
    default:
      return `Dossier could not download Electron${why}. Delete node_modules/electron and run \`npm install\` and \`npm start\` again. ${BROWSER_INSTEAD}`;
  }
}

/** Electron's stderr when Linux refused it a sandbox (AppArmor's user-namespace restriction, or a misconfigured chrome-sandbox). */
export function isSandboxFailure(stderr) {
  return /setuid_sandbox_host|No usable sandbox|chrome-sandbox.*(mode 4755|configured correctly)|clone\(\) failed|Operation not permitted.*namespace/i.test(stderr);
}
