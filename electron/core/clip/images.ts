import { readFile, stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { sha256Hex } from '../../../db/sha256';
import { MAX_IMAGE_BYTES, MAX_IMAGES_PER_CLIP } from '../../../shared/limits';

/**
 * The article's images: each reference in the page resolved to a key (a data: URI, `local:<path>` beside a
 * saved file, or an http(s) URL), the lead image chosen, and the bytes read or downloaded for storing.
 */

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
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'
  )
    return 'image/webp';
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(4, 8)) === 'ftyp' &&
    /^(avif|avis)$/.test(String.fromCharCode(...b.subarray(8, 12)))
  )
    return 'image/avif';
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
    stored.set(key, {
      sha256: sha256Hex(bytes),
      mimeType,
      bytes,
      originalUrl: key.startsWith('data:') ? null : key.replace(/^local:/, ''),
    });
  }
  return stored;
}

/** An image reference → its key, or null when it can never be stored (script, blob, file, about: URLs). */
export function imageKey(src: string, baseUrl: string | null, fromFile: boolean): string | null {
  if (/^data:image\/(png|jpe?g|gif|webp|avif);base64,/i.test(src)) return src;
  if (/^(javascript|vbscript|data|blob|file|about):/i.test(src)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(src);
  if (fromFile && !hasScheme && !src.startsWith('//')) {
    const path = src.split(/[?#]/)[0]!;
    try {
      return `local:${decodeURIComponent(path)}`;
    } catch {
      return `local:${path}`;
    }
  }
  try {
    const url = baseUrl ? new URL(src, baseUrl) : new URL(src);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Points every <img> under `root` at its key (src, else data-src, data-lazy-src or the first srcset
 * candidate; placeholders skipped) and drops srcset; returns the keys in order of first appearance.
 */
export function resolveImageKeys(root: ParentNode, baseUrl: string | null, fromFile: boolean): string[] {
  const imageKeys = new Set<string>();
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset') ?? '';
    const candidate = [
      img.getAttribute('src'),
      img.getAttribute('data-src'),
      img.getAttribute('data-lazy-src'),
      srcset.trim().split(/\s+/)[0],
    ]
      .map((v) => v?.trim())
      .find((v) => v && !/^data:image\/(gif|svg)/i.test(v) && !/^about:/i.test(v));
    const key = candidate ? imageKey(candidate, baseUrl, fromFile) : null;
    if (key) {
      img.setAttribute('src', key);
      imageKeys.add(key);
    } else img.setAttribute('src', '');
    img.removeAttribute('srcset');
  }
  return [...imageKeys];
}

/** A URL's or path's file name, decoded and lower-cased ("https://cdn/x/Crane%20Lift.JPG?w=1" → "crane lift.jpg"). */
function fileNameOf(ref: string, keepCase = false): string | null {
  const path = ref.split(/[?#]/)[0]!.replace(/\\/g, '/');
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!name) return null;
  try {
    const decoded = decodeURIComponent(name);
    return keepCase ? decoded : decoded.toLowerCase();
  } catch {
    return keepCase ? name : name.toLowerCase();
  }
}

/** Local images a saved page shows (<img> src, data-src or srcset), as image keys by file name. */
export function localImagesByName(document: Document): Map<string, string> {
  const byName = new Map<string, string>();
  for (const img of Array.from(document.querySelectorAll('img'))) {
    for (const ref of [
      img.getAttribute('src'),
      img.getAttribute('data-src'),
      (img.getAttribute('srcset') ?? '').trim().split(/\s+/)[0],
    ]) {
      const key = ref?.trim() ? imageKey(ref.trim(), null, true) : null;
      const name = key?.startsWith('local:') ? fileNameOf(key) : null;
      if (key && name && !byName.has(name)) byName.set(name, key);
    }
  }
  return byName;
}

/**
 * A saved page's lead image, as a local key: browsers save the page's images
 * under their own file names in a `_files` folder but leave og:image pointing
 * at the web. So the og:image/twitter:image file name is looked up among the
 * page's local images, then the article's first image stands in; a guess in
 * the page's own `_files` folder comes last (it is stored only if it exists).
 */
export function localLeadImage(
  candidates: readonly string[],
  localImages: ReadonlyMap<string, string>,
  articleKeys: readonly string[],
  filename: string,
): string | null {
  for (const candidate of candidates) {
    if (/^data:image\//i.test(candidate)) return imageKey(candidate, null, true);
    const isRelative = !/^[a-z][a-z0-9+.-]*:/i.test(candidate) && !candidate.startsWith('//');
    if (isRelative) return imageKey(candidate, null, true);
    const name = fileNameOf(candidate);
    const local = name ? localImages.get(name) : undefined;
    if (local) return local;
  }
  const firstArticleImage = articleKeys.find((k) => k.startsWith('local:') || k.startsWith('data:'));
  if (firstArticleImage) return firstArticleImage;
  const stem = (filename.split(/[\\/]/).pop() ?? '').replace(/\.(html?|xhtml|shtml)(\.gz)?$/i, '');
  const name = candidates[0] ? fileNameOf(candidates[0], true) : null;
  return stem && name && /\.(png|jpe?g|gif|webp|avif)$/i.test(name) ? `local:${stem}_files/${name}` : null;
}
