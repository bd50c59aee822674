import { existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DossierError } from '../../../shared/errors';
import { syncDirectory, writeFileAtomic, writeFileAtomicAsync } from './atomicWrite';

import { sha256Hex } from '../../../db/sha256';
import { emptyManifest, MANIFEST_NAME, readManifest, serializeManifest, type Manifest } from './manifest';
import { resolveInside } from './safePaths';

const PARALLEL_WRITES = 8;

/**
 * An export stopped before writing anything. `replace`: files in the target
 * are not Dossier's to replace (`files` lists them, relative to the folder);
 * the app asks and retries with overwrite. `folder`: the folder already holds
 * things Dossier did not create (`files` lists some), though none would be
 * replaced; the app asks before mixing an export into them.
 */
export class ExportConflictError extends DossierError {
  constructor(
    message: string,
    readonly files: string[],
    readonly kind: 'replace' | 'folder' = 'replace',
  ) {
    super('forbidden', message);
  }
}

/** Litter the OS leaves in folders: not the user's files. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', '.localized']);

export interface ExportWriteResult {
  folder: string;
  written: string[];
  unchanged: string[];
}

interface PlannedFile {
  relPath: string;
  bytes: Buffer;
  sha256: string;
}

/**
 * Collects an export's files, then writes them all or none: every conflict is
 * found before the first byte is written. Each file is replaced atomically, and
 * the manifest is updated before (listing old and new hashes) and after (new
 * only), so an export killed halfway leaves files Dossier still recognizes.
 */
export class ExportWriter {
  private readonly files = new Map<string, PlannedFile>();

  constructor(
    readonly folder: string,
    private readonly options: {
      overwrite: boolean;
      now: string;
      /** Stop (ExportConflictError kind `folder`) when the folder has entries but no manifest: not a Dossier export folder. */
      askBeforeForeignFolder?: boolean;
    },
  ) {}

  add(relPath: string, content: string | Uint8Array): void {
    const normalized = relPath.split(/[\\/]/).join('/');
    if (normalized === MANIFEST_NAME) throw new DossierError('invalid_input', `${MANIFEST_NAME} is reserved for the export manifest`);
    if (this.files.has(normalized)) throw new DossierError('internal', `Two exported files were given the same path: ${normalized}`);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    this.files.set(normalized, { relPath: normalized, bytes, sha256: sha256Hex(bytes) });
  }

  get size(): number {
    return this.files.size;
  }

  async commit(onProgress?: (done: number, total: number) => void): Promise<ExportWriteResult> {
    // Checking creates nothing: a file under a folder that does not exist yet is simply absent.
    const rootExists = existsSync(this.folder);
    const manifest = rootExists ? readManifest(resolveInside(this.folder, MANIFEST_NAME)) : emptyManifest();
    const checked = [...this.files.values()].map((file) => ({ ...file, existingPath: rootExists ? this.existingParentPath(file.relPath) : undefined }));

    const conflicts: string[] = [];
    const conflictPaths: string[] = [];
    const accepted: typeof checked = [];
    const unchanged: string[] = [];
    for (const file of checked) {
      const state = file.existingPath === undefined ? ({ kind: 'absent' } as const) : this.existing(file.existingPath, file.relPath, manifest);
      if (state.kind === 'absent') accepted.push(file);
      else if (state.sha256 === file.sha256) unchanged.push(file.relPath);
      else if (state.kind === 'ours' || this.options.overwrite) accepted.push(file);
      else {
        conflicts.push(`${file.relPath} (${state.kind === 'edited' ? 'edited since Dossier wrote it' : 'not written by Dossier'})`);
        conflictPaths.push(file.relPath);
      }
    }
    if (conflicts.length > 0) {
      const shown = conflicts.slice(0, 10).join('; ');
      throw new ExportConflictError(
        `Export stopped before writing anything: ${conflicts.length} file(s) in ${this.folder} would be overwritten: ${shown}` +
          `${conflicts.length > 10 ? '; …' : ''}. Choose another folder, or export with overwrite.`,
        conflictPaths,
      );
    }
    if (this.options.askBeforeForeignFolder && !this.options.overwrite && rootExists && !existsSync(join(this.folder, MANIFEST_NAME))) {
      const others = readdirSync(this.folder).filter((name) => !SYSTEM_FILES.has(name)).sort();
      if (others.length > 0) {
        throw new ExportConflictError(
          `${this.folder} already holds ${others.length} item(s) Dossier did not create; the export would add its files beside them.`,
          others.slice(0, 50),
          'folder',
        );
      }
    }

    const manifestPath = resolveInside(this.folder, MANIFEST_NAME);
    const toWrite = accepted.map((file) => ({ ...file, absolute: file.existingPath ?? resolveInside(this.folder, file.relPath) }));
    const stamp = this.options.now;
    for (const file of toWrite) {
      const previous = manifest.files[file.relPath]?.sha256 ?? [];
      manifest.files[file.relPath] = { sha256: [...new Set([...previous, file.sha256])], writtenAt: stamp };
    }
    if (toWrite.length > 0) writeFileAtomic(manifestPath, serializeManifest(manifest));

    const touched = [...toWrite.map((f) => f.absolute), ...checked.flatMap((f) => (f.existingPath ? [f.existingPath] : []))].map((p) => dirname(p));
    for (const folder of new Set(touched)) removeStaleTempFiles(folder);

    // Several files in flight at once: the file system batches their flushes (one fsync each still).
    const folders = new Set<string>();
    let next = 0;
    let done = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      while (next < toWrite.length && !failed) {
        const file = toWrite[next++]!;
        try {
          await writeFileAtomicAsync(file.absolute, file.bytes);
          folders.add(dirname(file.absolute));
          done += 1;
          onProgress?.(done, toWrite.length);
        } catch (error) {
          failed = true; // the other writers stop at their next file
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, toWrite.length) }, worker));
    for (const folder of folders) syncDirectory(folder);

    for (const file of toWrite) manifest.files[file.relPath] = { sha256: [file.sha256], writtenAt: stamp };
    if (toWrite.length > 0) writeFileAtomic(manifestPath, serializeManifest(manifest));
    return { folder: this.folder, written: toWrite.map((f) => f.relPath), unchanged };
  }

  /** The file's checked absolute path when its folder already exists; undefined when it cannot exist yet. */
  private existingParentPath(relPath: string): string | undefined {
    if (!existsSync(dirname(resolve(this.folder, relPath)))) return undefined;
    return resolveInside(this.folder, relPath);
  }

  private existing(
    absolute: string,
    relPath: string,
    manifest: Manifest,
  ): { kind: 'absent' } | { kind: 'ours' | 'edited' | 'foreign'; sha256: string } {
    if (!existsSync(absolute) && !isDanglingLink(absolute)) return { kind: 'absent' };
    const stat = lstatSync(absolute);
    if (!stat.isFile()) return { kind: 'foreign', sha256: '' };
    const sha256 = sha256Hex(readFileSync(absolute));
    const entry = manifest.files[relPath];
    if (!entry) return { kind: 'foreign', sha256 };
    return { kind: entry.sha256.includes(sha256) ? 'ours' : 'edited', sha256 };
  }
}

/** Temp files of an export that was killed mid-write: only names Dossier's writer creates. */
function removeStaleTempFiles(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (/^\..+\.[0-9a-f]{12}\.dossier-tmp$/.test(name)) rmSync(join(folder, name), { force: true });
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export function joinRel(...parts: string[]): string {
  return join(...parts).split(/[\\/]/).join('/');
}
