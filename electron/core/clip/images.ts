import { readFile, stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { sha256Hex } from '../../../db/sha256';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_CLIP } from '../../../shared/limits';


export interface StoredImage {
  sha256: string;
  mimeType: string;
  bytes: Uint8Array;
  originalUrl: string | null;
}

export interface ImageSources {
  /** The saved page's folder: `local:` keys resolve inside it (never above it). */
  localDir?: string | null;
  /** Files dropped together with the page (e.g. the contents of its _files folder), by name. */
  attachments?: ReadonlyMap<string, Uint8Array>;
  /** Downloads a remote image; only for clips made online. */
  download?: (url: string) => Promise<{ bytes: Uint8Array; contentType: string | null } | null>;
}

/**
 * The image types Dossier stores, recognised by their bytes, not by a name or
 * a server's word. SVG is refused: it can carry script.
 */
export function sniffImageType(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'image/gif';
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return 'image/webp';
  if (b.length >= 12 && String.fromCharCode(...b.subarray(4, 8)) === 'ftyp' && /^(avif|avis)$/.test(String.fromCharCode(...b.subarray(8, 12)))) return 'image/avif';
  return null;
}

async function readLocal(dir: string, relative: string): Promise<Uint8Array | null> {
  const root = resolve(dir);
  const path = resolve(root, relative);
  if (!path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_IMAGE_BYTES) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

function fromDataUri(uri: string): Uint8Array | null {
  const comma = uri.indexOf(',');
  if (comma < 0 || uri.length > MAX_IMAGE_BYTES * 1.4) return null;
  return Buffer.from(uri.slice(comma + 1), 'base64');
}

async function bytesFor(key: string, sources: ImageSources): Promise<Uint8Array | null> {
  if (key.startsWith('data:')) return fromDataUri(key);
  if (key.startsWith('local:')) {
    const relative = key.slice('local:'.length);
    const local = sources.localDir ? await readLocal(sources.localDir, relative) : null;
    return local ?? sources.attachments?.get(basename(relative.replace(/\\/g, '/')).toLowerCase()) ?? null;
  }
  if (/^https?:/i.test(key) && sources.download) {
    const downloaded = await sources.download(key).catch(() => null);
    return downloaded && downloaded.bytes.length <= MAX_IMAGE_BYTES ? downloaded.bytes : null;
  }
  return null;
}

/** Reads or downloads each image the article shows; those that cannot be stored are simply absent from the result. */
export async function collectImages(keys: readonly string[], sources: ImageSources): Promise<Map<string, StoredImage>> {
  const stored = new Map<string, StoredImage>();
  for (const key of keys.slice(0, MAX_IMAGES_PER_CLIP)) {
    const bytes = await bytesFor(key, sources);
    if (!bytes || bytes.length === 0) continue;
    const mimeType = sniffImageType(bytes);
    if (!mimeType) continue;
    stored.set(key, { sha256: sha256Hex(bytes), mimeType, bytes, originalUrl: key.startsWith('data:') ? null : key.replace(/^local:/, '') });
  }
  return stored;
}
