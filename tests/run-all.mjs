// `npm test`: every check, in order, with a summary. Exits non-zero if any step fails.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  ['typecheck', ['run', '--silent', 'typecheck']],
  ['lint', ['run', '--silent', 'lint']],
  ['security', ['run', '--silent', 'lint:security']],
  ['unit', ['run', '--silent', 'test:unit']],
  ['e2e', ['run', '--silent', 'test:e2e']],
];

const results = [];
const started = Date.now();
for (const [name, args] of steps) {
  const t0 = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const { status } = spawnSync(npm, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  results.push({ name, ok: status === 0, seconds: (Date.now() - t0) / 1000 });
}

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'pass' : 'FAIL'}  ${r.name.padEnd(10)} ${r.seconds.toFixed(1)} s`);
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
