import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { decodeBytes } from '../../../electron/core/clip/decode';
import { importFiles } from '../../../electron/core/services/articleImport';
import { clipPaths } from '../../../electron/core/services/clip';
import { MAX_PAGE_BYTES } from '../../../shared/limits';
import { makeTestCore } from '../../helpers/core';

/**
 * The page cap is one number (shared/limits.ts) for every way a page comes in:
 * the IPC contract (clip.save's file and paste), a file clipped by path, a
 * text/Markdown file imported, and a gzipped page once inflated. Before it was
 * one rule, text import refused pages above 20 MB that clipping accepted
 * (the second test names the cap in both messages, so it fails on that).
 */
describe('MAX_PAGE_BYTES: one page cap for every entry', () => {
  let core: ReturnType<typeof makeTestCore>;
  let overCap: Buffer;
  const capMb = `${MAX_PAGE_BYTES / 1024 / 1024} MB`;
  beforeAll(() => {
    core = makeTestCore();
    overCap = Buffer.alloc(MAX_PAGE_BYTES + 1, 'a');
  });
  afterAll(() => core.close());

  it('the IPC contract refuses a file and a paste one byte over the cap, naming the cap', async () => {
    const file = await dispatch(core.handlers, 'clip.save', { inputs: [{ kind: 'file', name: 'big.html', dataBase64: overCap.toString('base64') }] });
    expect(file.ok).toBe(false);
    expect(!file.ok && file.error.message).toContain(capMb);
    const paste = await dispatch(core.handlers, 'clip.save', { inputs: [{ kind: 'paste', format: 'text', content: overCap.toString('latin1') }] });
    expect(paste.ok).toBe(false);
    expect(!paste.ok && paste.error.message).toContain(capMb);
  });

  it('clipping by path and importing a text file refuse the same size with the same cap', async () => {
    const html = core.dir.file('big.html');
    const text = core.dir.file('big.txt');
    writeFileSync(html, overCap);
    writeFileSync(text, overCap);
    const [clipped] = await clipPaths(core.ctx, [html]);
    expect(clipped!.status).toBe('failed');
    expect(clipped!.error).toContain(`up to ${capMb}`);
    const imported = await importFiles(core.ctx, [text]);
    expect(imported.created).toBe(0);
    expect(imported.failed).toHaveLength(1);
    expect(JSON.stringify(imported.failed[0])).toContain(`${capMb} limit`);
  });

  it('a gzipped page expanding past the cap is refused', () => {
    expect(() => decodeBytes(gzipSync(overCap))).toThrow(capMb);
    expect(() => decodeBytes(overCap)).toThrow(capMb);
  });
});
