// The search benchmark's "before": the search service as it stands on another git ref (by default the commit this
// branch started from on main), extracted with `git archive` into .bench/before-src and imported from there, so
// before and after run in one process, on one library file, interleaved query by query.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CoreContext } from '../../electron/core/context';

export type SearchFn = (ctx: CoreContext, query: string, options?: { limit?: number }) => { total: number; groups: Array<{ type: string; count: number }> };

/** The query path's sources: the service and everything it imports lives under these. */
const PATHS = ['shared', 'db', 'electron/core/services/search.ts'];

export async function loadSearchAt(root: string, ref: string | undefined): Promise<{ ref: string; search: SearchFn } | { skipped: string }> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  let commit: string;
  try {
    commit = ref ? git('rev-parse', '--verify', `${ref}^{commit}`) : git('merge-base', 'HEAD', 'main');
  } catch {
    return { skipped: `no git ref ${ref ?? 'merge-base of HEAD and main'} to compare with` };
  }
  const dir = join(root, '.bench/before-src', commit.slice(0, 12));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit, ...PATHS], { cwd: root });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const module = (await import(pathToFileURL(join(dir, 'electron/core/services/search.ts')).href)) as { search: SearchFn };
  return { ref: `${ref ?? 'main (merge-base)'} ${commit.slice(0, 10)}`, search: module.search };
}
