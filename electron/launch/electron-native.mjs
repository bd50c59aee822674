// Builds better-sqlite3 for Electron's ABI into .native/<key>/ without touching
// node_modules/better-sqlite3 (which stays built for Node, for the tests and the CLI).
// The key names everything that makes a build stale: Electron's version, better-sqlite3's
// version, platform and arch (electron/main/nativeBinding.ts computes the same folder; a
// unit test compares them). Tries a prebuilt binary first, then compiles.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function betterSqliteVersion() {
  return require('better-sqlite3/package.json').version;
}

/**
 * The arch Electron's installer downloads: as its install.js does, an x64 Node on an Apple Silicon
 * Mac (Rosetta) gets the arm64 Electron, so the module must be built for arm64 too.
 */
export function electronArch(platform = process.platform, arch = process.arch, env = process.env, underRosetta = detectRosetta) {
  if (env.npm_config_arch) return env.npm_config_arch;
  if (platform === 'darwin' && arch === 'x64' && underRosetta()) return 'arm64';
  return arch;
}

function detectRosetta() {
  try {
    return execFileSync('sysctl', ['-in', 'sysctl.proc_translated'], { encoding: 'utf8' }).trim() === '1';
  } catch {
    return false;
  }
}

export function electronBindingFile(root, electronVersion, sqliteVersion = betterSqliteVersion(), platform = process.platform, arch = electronArch()) {
  return join(root, '.native', `electron-v${electronVersion}-better-sqlite3-v${sqliteVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** The build commands: node running each tool's JS entry with an argument array (no shell, so paths with spaces are safe). */
export function buildCommands(electronVersion, arch) {
  const prebuild = require.resolve('prebuild-install/bin.js');
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  return [
    [process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch]],
    [process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron']],
  ];
}

export function ensureElectronBinding(root, electronVersion) {
  const arch = electronArch();
  const target = electronBindingFile(root, electronVersion, betterSqliteVersion(), process.platform, arch);
  if (existsSync(target)) return target;

  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, '.native', 'work', `better-sqlite3-electron-v${electronVersion}-${arch}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });

  // npm may point node-gyp at the system Node headers (npm_config_nodedir); Electron needs its own.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];

  console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (${arch}), once per Electron and better-sqlite3 version…`);
  const built = buildCommands(electronVersion, arch).some(([command, args]) => spawnSync(command, args, { cwd: work, env, stdio: 'inherit' }).status === 0);
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) {
    throw new Error('no prebuilt binary could be downloaded and compiling failed; see the output above');
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(output, target);
  rmSync(work, { recursive: true, force: true });
  return target;
}
