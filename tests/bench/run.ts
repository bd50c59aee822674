// `npm run bench [name...]`: runs every tests/bench/*.bench.ts (or the named ones) in turn.
// Benchmarks print their figures side by side with the baseline each issue names; they are not tests.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  // A name picks its own file (`cli` is cli.bench.ts, not clip*.bench.ts); else every file it starts.
  .filter((f, _, all) => wanted.length === 0 || wanted.some((w) => (all.includes(`${w}.bench.ts`) ? f === `${w}.bench.ts` : f.startsWith(w))))
  .sort();

if (files.length === 0) console.log(wanted.length ? `No benchmark matches ${wanted.join(', ')}.` : 'No benchmarks yet.');
for (const file of files) {
  console.log(`\n━━ ${file.replace('.bench.ts', '')} ━━`);
  const module = (await import(pathToFileURL(`${dir}/${file}`).href)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') throw new Error(`${file} must export run()`);
  await module.run();
}
