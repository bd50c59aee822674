// `npm run lint:security`: Doyensec's electronegativity over electron/, offline.
// Fails on any HIGH or MEDIUM finding, except manual-review prompts pinned in
// reviewed-findings.json (same check, same file, same code sample). Prints every finding.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const reviewed = JSON.parse(readFileSync(join(root, 'tests/security/reviewed-findings.json'), 'utf8')).findings;
const outDir = mkdtempSync(join(tmpdir(), 'dossier-eneg-'));
const csvFile = join(outDir, 'findings.csv');

const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const run = spawnSync(
  bin,
  ['-i', join(root, 'electron'), '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-r', '-v', 'false', '-o', csvFile],
  { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity did not run');
  process.exit(1);
}

const rows = parseCsv(readFileSync(csvFile, 'utf8'));
rmSync(outDir, { recursive: true, force: true });
const [header, ...records] = rows;
const col = (name) => header.findIndex((h) => h.trim() === name);
const findings = records
  .filter((r) => r.length >= header.length - 1)
  .map((r) => ({
    check: r[col('issue')],
    severity: r[col('severity')],
    confidence: r[col('confidence')],
    file: r[col('filename')],
    location: r[col('location')],
    sample: (r[col('sample')] ?? '').trim(),
    description: r[col('description')],
  }));

let failures = 0;
for (const f of findings) {
  const blocking = f.severity === 'HIGH' || f.severity === 'MEDIUM';
  const review = reviewed.find((r) => r.check === f.check && r.file === f.file && r.sample === f.sample);
  const verdict = !blocking ? 'accepted (informational/low, see README)' : review ? 'reviewed (pinned, see README)' : 'FAIL';
  if (verdict === 'FAIL') failures += 1;
  console.log(`${verdict.padEnd(42)} ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}  ${f.description}`);
}
console.log(`electronegativity ${electronVersion === undefined ? '' : `(Electron ${electronVersion})`}: ${findings.length} findings, ${failures} blocking`);
process.exit(failures === 0 ? 0 : 1);

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const out = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
    else continue;
    if (!quoted && ch === ' ' && field === ' ') field = '';
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    out.push(row);
  }
  return out;
}
