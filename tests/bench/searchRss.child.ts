// Child process of search.bench.ts: a core as the app runs it, on an already-built library.
// Prints {"rss": bytes} after opening the database and running every benchmark query twice.
import { readFileSync } from 'node:fs';
import { openCore } from '../../electron/core/openCore';
import { search } from '../../electron/core/services/search';

const [dbPath, queriesPath] = process.argv.slice(2) as [string, string];
const queries = JSON.parse(readFileSync(queriesPath, 'utf8')) as Array<{ q: string }>;
const core = openCore(dbPath);
for (let round = 0; round < 2; round++) for (const q of queries) search(core.ctx, q.q, { limit: 20 });
process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss }));
core.close();
