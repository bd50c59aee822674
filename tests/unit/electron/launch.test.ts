import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyDownloadFailure, downloadElectron, explainStartFailure, findElectronBinary, isSandboxFailure, nodeCanDownload } from '../../../electron/launch/electron-binary.mjs';
import { buildCommands, electronArch, electronBindingFile } from '../../../electron/launch/electron-native.mjs';
import { prepareStaging, stagingManifest, STAGING_DIR } from '../../../electron/launch/dist-staging.mjs';
import { electronNativeBindingDir } from '../../../electron/main/nativeBinding';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => dir?.cleanup());

describe('npm start: finding Electron', () => {
  it('reads the binary from path.txt (never from what require("electron") prints), or from $DOSSIER_ELECTRON', () => {
    dir = makeTempDir();
    const electronDir = dir.file('electron');
    mkdirSync(join(electronDir, 'dist'), { recursive: true });
    expect(findElectronBinary(electronDir, {})).toBeUndefined();
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(findElectronBinary(electronDir, {}), 'path.txt written but no binary yet').toBeUndefined();
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
    expect(findElectronBinary(electronDir, {})).toBe(join(electronDir, 'dist', 'electron'));
    const own = dir.file('my electron');
    writeFileSync(own, '');
    expect(findElectronBinary(electronDir, { DOSSIER_ELECTRON: own })).toBe(own);
    expect(findElectronBinary(electronDir, { DOSSIER_ELECTRON: dir.file('missing') })).toBeUndefined();
  });

  it('tells offline, slow and other download failures apart, and a Node too old to download', () => {
    expect(classifyDownloadFailure({ error: { code: 'ETIMEDOUT' }, signal: 'SIGTERM' })).toBe('slow');
    expect(classifyDownloadFailure({ stderr: 'RequestError: getaddrinfo ENOTFOUND github.com' })).toBe('offline');
    expect(classifyDownloadFailure({ stderr: 'Error: connect ECONNREFUSED 140.82.121.3:443' })).toBe('offline');
    expect(classifyDownloadFailure({ stderr: 'Error: Generated checksum for "electron.zip" did not match' })).toBe('failed');
    expect(nodeCanDownload('20.19.0')).toBe(false);
    expect(nodeCanDownload('22.11.0')).toBe(false);
    expect(nodeCanDownload('22.12.0')).toBe(true);
    expect(nodeCanDownload('24.1.0')).toBe(true);
    expect(classifyDownloadFailure({ stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici' })).toBe('offline');
    // An installer that fails for another reason (here: none at all) on a Node older than @electron/get's engines says so.
    dir = makeTempDir();
    expect(downloadElectron(dir.path)).toMatchObject({ ok: false, kind: nodeCanDownload() ? 'failed' : 'node-too-old' });
  });

  it('explains every failure in one paragraph that names the way out', () => {
    for (const kind of ['offline', 'slow', 'node-too-old', 'native-build', 'spawn', 'sandbox', 'failed']) {
      const text = explainStartFailure(kind, 'detail');
      expect(text, kind).not.toContain('\n');
      expect(text, kind).toContain('npm run web');
    }
    expect(explainStartFailure('native-build')).toMatch(/compil/);
    expect(explainStartFailure('offline')).not.toMatch(/compil/);
    expect(explainStartFailure('sandbox')).toMatch(/Ubuntu 24\.04.*AppArmor/);
    expect(isSandboxFailure('[1234:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly.')).toBe(true);
    expect(isSandboxFailure('[dossier] automatic backup failed')).toBe(false);
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('lives in a folder keyed by Electron version, better-sqlite3 version, platform and arch, the same one the app loads', () => {
    const root = '/project';
    const file = electronBindingFile(root, '45.5.0', '12.11.1', 'linux', 'x64');
    expect(dirname(file)).toBe(electronNativeBindingDir(root, '45.5.0', '12.11.1', 'linux', 'x64'));
    expect(electronBindingFile(root, '45.5.0', '12.12.0', 'linux', 'x64')).not.toBe(file);
    expect(electronBindingFile(root, '46.0.0', '12.11.1', 'linux', 'x64')).not.toBe(file);
    expect(electronBindingFile(root, '45.5.0', '12.11.1', 'linux', 'arm64')).not.toBe(file);
  });

  it('is built for the arch Electron downloads: arm64 for an x64 Node under Rosetta, as electron/install.js does', () => {
    expect(electronArch('darwin', 'x64', {}, () => true)).toBe('arm64');
    expect(electronArch('darwin', 'x64', {}, () => false)).toBe('x64');
    expect(electronArch('linux', 'x64', {}, () => true)).toBe('x64');
    expect(electronArch('darwin', 'x64', { npm_config_arch: 'x64' }, () => true)).toBe('x64');
  });

  it('runs its build tools as node + script with an argument list (no shell: paths with spaces stay one argument)', () => {
    for (const [command, args] of buildCommands('45.5.0', 'x64')) {
      expect(command).toBe(process.execPath);
      expect(existsSync(args[0]!)).toBe(true);
      expect(args.join(' ')).toMatch(/--runtime[ =]electron/);
    }
  });
});

describe('npm run dist: staging', () => {
  it('stages the built app with the same dependencies and no scripts, leaving the project untouched', () => {
    dir = makeTempDir('dossier dist ');
    const manifest = { name: 'dossier', version: '1.0.0', main: 'dist/electron/main.cjs', scripts: { test: 'x' }, dependencies: { 'better-sqlite3': '12.11.1' }, devDependencies: { electron: '45.5.0' } };
    expect(stagingManifest(manifest)).toEqual({ name: 'dossier', version: '1.0.0', main: 'dist/electron/main.cjs', dependencies: { 'better-sqlite3': '12.11.1' }, devDependencies: { electron: '45.5.0' } });
    writeFileSync(dir.file('package.json'), JSON.stringify(manifest));
    writeFileSync(dir.file('package-lock.json'), '{"lockfileVersion":3}');
    expect(() => prepareStaging(dir!.path)).toThrow(/npm run build/);
    for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/clipWorker.cjs', 'dist/renderer/index.html']) {
      mkdirSync(dirname(dir.file(built)), { recursive: true });
      writeFileSync(dir.file(built), built);
    }
    mkdirSync(dir.file('node_modules/better-sqlite3'), { recursive: true });
    writeFileSync(dir.file('node_modules/better-sqlite3/marker'), 'node build');
    const staging = prepareStaging(dir.path);
    expect(staging).toBe(dir.file(STAGING_DIR));
    expect(readFileSync(join(staging, 'dist/renderer/index.html'), 'utf8')).toBe('dist/renderer/index.html');
    expect(JSON.parse(readFileSync(join(staging, 'package.json'), 'utf8'))).not.toHaveProperty('scripts');
    expect(existsSync(join(staging, 'package-lock.json'))).toBe(true);
    expect(existsSync(join(staging, 'node_modules'))).toBe(false);
    expect(readFileSync(dir.file('node_modules/better-sqlite3/marker'), 'utf8')).toBe('node build');
  });
});
