import { mkdirSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { DossierError } from '../../../shared/errors';

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Resolves `relPath` under `root` and proves it stays there, following
 * symlinks on the way: a planted `notes -> /etc` link cannot redirect a write.
 * Creates missing folders on the path. Returns the absolute path.
 */
export function resolveInside(root: string, relPath: string): string {
  mkdirSync(root, { recursive: true });
  const realRoot = realpathSync(root);
  const target = resolve(realRoot, relPath);
  if (!isInside(realRoot, target)) {
    throw new DossierError('forbidden', `Refusing to write outside the export folder: ${relPath}`);
  }
  const parent = resolve(target, '..');
  mkdirSync(parent, { recursive: true });
  const realParent = realpathSync(parent);
  if (realParent !== realRoot && !isInside(realRoot, realParent)) {
    throw new DossierError('forbidden', `Refusing to write outside the export folder: ${relPath} leads to ${realParent}`);
  }
  return resolve(realParent, basename(target));
}
