import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Resolves a URL path to a file inside root, or undefined. Used by both the
 * Electron app:// protocol and the browser harness, so neither can be walked
 * out of the built renderer with `..`, encoded slashes or absolute paths.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<{ path: string; body: Buffer } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const wanted = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, wanted);
  const rel = relative(absoluteRoot, target);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  try {
    const info = await stat(target);
    const file = info.isDirectory() ? join(target, 'index.html') : target;
    return { path: file, body: await readFile(file) };
  } catch {
    return undefined;
  }
}
