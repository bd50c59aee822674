// `npm start`: finds (or downloads) Electron, prepares the Electron build of the native module,
// builds the app and launches it. Every failure ends in one paragraph that says which thing failed
// and what to do, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadElectron, explainStartFailure, findElectronBinary, isSandboxFailure } from './electron-binary.mjs';
import { ensureElectronBinding } from './electron-native.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function stop(kind, detail) {
  console.error(`\n${explainStartFailure(kind, detail)}\n`);
  process.exit(1);
}

let binary = findElectronBinary(electronDir);
if (!binary) {
  if (process.env.DOSSIER_ELECTRON) stop('spawn', `$DOSSIER_ELECTRON names no file: ${process.env.DOSSIER_ELECTRON}`);
  console.log('Downloading Electron (once)…');
  const download = downloadElectron(electronDir);
  if (!download.ok) stop(download.kind, download.detail);
  binary = findElectronBinary(electronDir);
  if (!binary) stop('failed', 'the download finished but left no binary');
}

const electronVersion = require('electron/package.json').version;
try {
  ensureElectronBinding(root, electronVersion);
} catch (error) {
  stop('native-build', error.message);
}

// npm's own CLI run by this Node: no shell, so a project path with spaces is safe on Windows too.
const npmCli = process.env.npm_execpath;
const build = npmCli
  ? spawnSync(process.execPath, [npmCli, 'run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
  : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
let stderr = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  if (stderr.length < 64_000) stderr += chunk;
});
child.on('error', (error) => stop('spawn', `${binary}: ${error.code ?? error.message}`));
child.on('exit', (code, signal) => {
  if (code !== 0 && process.platform === 'linux' && isSandboxFailure(stderr)) stop('sandbox', `exit ${code ?? signal}`);
  process.exit(code ?? 1);
});
