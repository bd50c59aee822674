#!/usr/bin/env node
// The `dossier` command. Runs the bundle in dist/cli/ (built by `npm install` and
// `npm run build`, see electron/launch/build-cli.mjs): it starts in a fraction of
// the time tsx takes to compile the sources. In a clone where any source the
// bundle was built from (dist/cli/inputs.json) is newer than the bundle, or the
// bundle is missing, it runs the sources through tsx instead, so it never runs
// stale code; `npm run build:cli` makes it fast again. DOSSIER_CLI_FROM_SOURCES=1
// forces the sources (the CLI benchmark compares both).
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const root = new URL('../../', import.meta.url);
const bundle = new URL('dist/cli/dossier.mjs', root);

async function bundleIsFresh() {
  if (process.env.DOSSIER_CLI_FROM_SOURCES === '1') return false;
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  let inputs;
  try {
    inputs = JSON.parse(await readFile(new URL('dist/cli/inputs.json', root), 'utf8'));
  } catch {
    return false;
  }
  // A source that is gone (an installed package ships no sources) cannot be newer than the bundle.
  return inputs.every((file) => (statSync(new URL(file, root), { throwIfNoEntry: false })?.mtimeMs ?? 0) <= built);
}

if (await bundleIsFresh()) {
  const { run } = await import(bundle.href);
  process.exitCode = await run(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
