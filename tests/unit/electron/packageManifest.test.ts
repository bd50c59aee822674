import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNTIME_MODULES, SOURCE_ONLY_MODULES } from '../../../electron/launch/runtimeModules.mjs';

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Manifest;

/** The rule in electron/launch/runtimeModules.mjs, which the app and CLI bundles take their externals from. */
describe('package.json: dependencies are what runs from node_modules', () => {
  it('lists exactly the modules the packaged app and installed CLI load at run time as dependencies', () => {
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...RUNTIME_MODULES].sort());
  });

  it('keeps everything bundled and every tool in devDependencies, each package in one list, pinned exactly', () => {
    for (const name of SOURCE_ONLY_MODULES) expect(manifest.devDependencies).toHaveProperty(name);
    for (const name of Object.keys(manifest.devDependencies)) expect(manifest.dependencies).not.toHaveProperty(name);
    for (const version of [...Object.values(manifest.dependencies), ...Object.values(manifest.devDependencies)]) {
      expect(version).toMatch(/^(npm:[^@]+@)?\d+\.\d+\.\d+$/);
    }
  });

  it("keeps the CLI's commander 14 under its alias and electronegativity's commander 5 at the top level", () => {
    expect(manifest.devDependencies.commander14).toBe('npm:commander@14.0.3');
    expect(manifest.devDependencies.commander).toBe('5.1.0');
  });
});
