// `npm run dist`: build, stage (see dist-staging.mjs), install production dependencies in the staging
// folder without running their install scripts (electron-builder then builds better-sqlite3 there, for
// Electron), and package. node_modules in the project root is never modified.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { prepareStaging } from './dist-staging.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npmCli = process.env.npm_execpath;
if (!npmCli) {
  console.error('Run this with `npm run dist`.');
  process.exit(1);
}
const run = (args, cwd) => {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run([npmCli, 'run', '--silent', 'build'], root);
const staging = prepareStaging(root);
run([npmCli, 'ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], staging);
run([fileURLToPath(new URL('../../node_modules/electron-builder/cli.js', import.meta.url)), '--config', 'electron-builder.yml', ...process.argv.slice(2)], root);
