import type { ClipResult, ClipSourceInput } from '../../../../shared/contract/domains/clip';
import { MAX_IMAGE_BYTES, MAX_PAGE_BYTES } from '../../../../shared/limits';
import { call } from '../../api/client';

const PAGE_NAME = /\.(html?|xhtml|txt|text|md|markdown|html?\.gz)$/i;
const IMAGE_NAME = /\.(png|jpe?g|gif|webp|avif)$/i;

export function isClippable(file: File): boolean {
  return PAGE_NAME.test(file.name);
}

async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface ClipProgress {
  done: number;
  total: number;
  current: string | null;
}

/**
 * Clips dropped or chosen files one by one, each in its own call so a bad file
 * fails alone. Images dropped with the pages (a saved page's `_files` folder
 * contents) travel with the pages that mention their name: the browser gives
 * the renderer file contents, never paths.
 */
export async function clipFiles(files: File[], onProgress: (progress: ClipProgress) => void): Promise<ClipResult[]> {
  const pages = files.filter(isClippable);
  const images = files.filter((f) => IMAGE_NAME.test(f.name) && f.size <= MAX_IMAGE_BYTES);
  const skipped = files.filter((f) => !isClippable(f) && !IMAGE_NAME.test(f.name));
  const results: ClipResult[] = skipped.map((f) => ({
    input: f.name,
    status: 'failed',
    articleId: null,
    versionId: null,
    title: null,
    error: 'Not a saved page or text file (Dossier clips .html, .htm, .html.gz, .txt and .md).',
    warnings: [],
  }));
  for (const [index, page] of pages.entries()) {
    onProgress({ done: index, total: pages.length, current: page.name });
    if (page.size > MAX_PAGE_BYTES) {
      results.push({ input: page.name, status: 'failed', articleId: null, versionId: null, title: null, error: `The file is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB.`, warnings: [] });
      continue;
    }
    try {
      const text = /\.gz$/i.test(page.name) ? '' : await page.text();
      const mentioned = images.filter((img) => text === '' || text.includes(img.name) || text.includes(encodeURIComponent(img.name)));
      const source: ClipSourceInput = { kind: 'file', name: page.name, dataBase64: await toBase64(page) };
      const attachments = await Promise.all(mentioned.map(async (img) => ({ name: img.name, dataBase64: await toBase64(img) })));
      const { results: [result] } = await call('clip.save', { inputs: [source], ...(attachments.length ? { attachments } : {}) });
      if (result) results.push(result);
    } catch (error) {
      results.push({ input: page.name, status: 'failed', articleId: null, versionId: null, title: null, error: (error as Error).message, warnings: [] });
    }
  }
  onProgress({ done: pages.length, total: pages.length, current: null });
  return results;
}

/**
 * Electron: the native dialog chooses the files (the main process keeps their
 * paths and reads each page's _files folder), then each is clipped in its own
 * call so the progress shows which file is being clipped.
 */
export async function clipChosenFiles(onProgress: (progress: ClipProgress) => void): Promise<ClipResult[]> {
  const { batch, names } = await call('clip.chooseFiles', {});
  const results: ClipResult[] = [];
  for (const [index, name] of names.entries()) {
    onProgress({ done: index, total: names.length, current: name });
    try {
      results.push(await call('clip.chosenFile', { batch, index }));
    } catch (error) {
      results.push({ input: name, status: 'failed', articleId: null, versionId: null, title: null, error: (error as Error).message, warnings: [] });
    }
  }
  return results;
}
