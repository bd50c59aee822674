import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers (and a crash) see either the old content or the
 * new, never a mix: the bytes go to a temp file in the same folder (same file
 * system, so rename is atomic), are flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { sync?: boolean; syncDir?: boolean } = {}): void {
  const sync = options.sync ?? true;
  const dir = dirname(path);
  const temp = join(dir, `.${Array.from(basename(path)).slice(0, 40).join('')}.${randomBytes(6).toString('hex')}.dossier-tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    if (sync) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkQuietly(temp);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkQuietly(temp);
    throw error;
  }
  // Callers writing many files into one folder sync it once at the end instead.
  if (sync && (options.syncDir ?? true)) syncDirectory(dir);
}

/** Makes the rename itself durable; not every platform lets a folder be opened for fsync. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; its rename is already journaled by NTFS.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** The same guarantee as writeFileAtomic, without blocking: many files can be flushed at once. */
export async function writeFileAtomicAsync(path: string, data: Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${Array.from(basename(path)).slice(0, 40).join('')}.${randomBytes(6).toString('hex')}.dossier-tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
