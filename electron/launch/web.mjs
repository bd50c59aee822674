// `npm run web`: build the renderer, then serve it with the API on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', '--silent', 'build:renderer'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawnSync(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('../web/main.ts', import.meta.url)), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(server.status ?? 0);
