// Builds better-sqlite3 for Electron's ABI into .native/electron-v<ver>-<platform>-<arch>/
// without touching node_modules/better-sqlite3 (which stays built for Node, for
// the tests and the CLI). Tries a prebuilt binary first, then compiles.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronBindingFile(root, electronVersion, platform = process.platform, arch = process.arch) {
  return join(root, '.native', `electron-v${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

export function ensureElectronBinding(root, electronVersion) {
  const target = electronBindingFile(root, electronVersion);
  if (existsSync(target)) return target;

  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, '.native', 'work', `better-sqlite3-electron-v${electronVersion}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });

  // npm may point node-gyp at the system Node headers (npm_config_nodedir); Electron needs its own.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
  const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const run = (command, args) =>
    spawnSync(command, args, { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

  console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (once per Electron version)…`);
  const built =
    run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]) ||
    run(bin('node-gyp'), [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
    ]);
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) {
    throw new Error('Could not build better-sqlite3 for Electron (no prebuilt binary and no working compiler toolchain).');
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(output, target);
  rmSync(work, { recursive: true, force: true });
  return target;
}
