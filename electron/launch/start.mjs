// `npm start`: builds the app, prepares the Electron build of the native module,
// and launches Electron. Where Electron cannot be installed it explains what to
// do instead, in one paragraph, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinding } from './electron-native.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

function explainAndExit(reason) {
  console.error(
    `\nDossier could not start Electron: ${reason} ` +
      'Electron downloads its binary from GitHub on first launch, and this machine cannot reach it (offline, or a network that only allows the npm registry). ' +
      'Everything else works: run `npm run web` to use the same app in your browser (it prints a local URL to open), ' +
      'and `npx dossier --help` for the command line. On a connected machine, `npm start` fetches Electron once and then works offline.\n',
  );
  process.exit(1);
}

function electronBinary() {
  // require('electron') returns the binary's path, downloading it first if needed; run it in a
  // child so a failed download's output and exception stay contained.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (probe.status !== 0 || !probe.stdout) return undefined;
  return probe.stdout.trim();
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const binary = electronBinary();
if (!binary) explainAndExit('its binary is not installed and could not be downloaded.');

const electronVersion = require('electron/package.json').version;
try {
  ensureElectronBinding(root, electronVersion);
} catch (error) {
  explainAndExit(`${error.message}`);
}

const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
