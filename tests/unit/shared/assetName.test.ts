import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../db/sha256';
import { readAssetForServing } from '../../../electron/core/services/assets';
import { isSha256Hex } from '../../../shared/assetName';
import { ASSET_URL } from '../../../shared/html/articleHtmlPolicy';
import { makeTestCore } from '../../helpers/core';

describe('isSha256Hex: the one form of a stored hash and asset name', () => {
  it('accepts exactly what sha256Hex produces', () => {
    const hash = sha256Hex('image bytes');
    expect(isSha256Hex(hash)).toBe(true);
    for (const bad of [hash.toUpperCase(), hash.slice(1), `${hash}0`, `../${hash.slice(3)}`, `${hash.slice(0, 63)}g`, ` ${hash}`, `${hash}\n`]) {
      expect(isSha256Hex(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(ASSET_URL.test(`dossier-asset:${hash}`)).toBe(true);
    expect(ASSET_URL.test(`dossier-asset:${hash.toUpperCase()}`)).toBe(false);
  });

  it('the asset store serves only names of that form', () => {
    const core = makeTestCore();
    try {
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffff3f0005fe02fea7d6a4ad0000000049454e44ae426082', 'hex');
      const hash = sha256Hex(png);
      core.ctx.db.prepare('INSERT INTO assets (sha256, mime_type, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, 'image/png', png.length, png, '2026-01-01T00:00:00.000Z');
      expect(readAssetForServing(core.ctx, hash)?.mimeType).toBe('image/png');
      expect(readAssetForServing(core.ctx, hash.toUpperCase())).toBeUndefined();
      expect(readAssetForServing(core.ctx, `${hash}/../x`)).toBeUndefined();
    } finally {
      core.close();
    }
  });
});
