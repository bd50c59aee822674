import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorPairing, fileTokenStore, memoryTokenStore, PAIRING_CODE_TTL_MS, PAIRING_MAX_TRIES } from '../../../electron/core/connector/pairing';
import { DOSSIER_EXTENSION_ORIGIN } from '../../../shared/connector/protocol';
import { makeTempDir } from '../../helpers/tempDir';

describe('connector pairing', () => {
  const dirs: ReturnType<typeof makeTempDir>[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  it('a 6-digit code, traded once for a token that is then accepted; other tokens are not', () => {
    const pairing = new ConnectorPairing(memoryTokenStore());
    const { code, expiresAt } = pairing.start();
    expect(code).toMatch(/^\d{6}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const { token } = pairing.pair(code);
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(pairing.accepts(token)).toBe(true);
    expect(pairing.accepts(`${token.slice(0, -1)}x`)).toBe(false);
    expect(pairing.accepts('')).toBe(false);
    expect(pairing.accepts(undefined)).toBe(false);
    expect(() => pairing.pair(code)).toThrow(/No pairing code is active/);
  });

  it('refuses with no code started, after expiry, and voids the code after too many wrong tries', () => {
    let now = 1_000_000;
    const pairing = new ConnectorPairing(memoryTokenStore(), () => now);
    expect(() => pairing.pair('123456')).toThrow(/No pairing code is active/);

    const first = pairing.start();
    now += PAIRING_CODE_TTL_MS + 1;
    expect(() => pairing.pair(first.code)).toThrow(/No pairing code is active/);

    const second = pairing.start();
    const wrong = second.code === '000000' ? '000001' : '000000';
    for (let i = 1; i < PAIRING_MAX_TRIES; i++) expect(() => pairing.pair(wrong)).toThrow('Wrong pairing code.');
    expect(() => pairing.pair(wrong)).toThrow(/void/);
    expect(() => pairing.pair(second.code), 'the right code no longer works once voided').toThrow(/No pairing code is active/);
  });

  it('a new code replaces the earlier one', () => {
    const pairing = new ConnectorPairing(memoryTokenStore());
    const old = pairing.start();
    let fresh = pairing.start();
    while (fresh.code === old.code) fresh = pairing.start();
    expect(() => pairing.pair(old.code)).toThrow('Wrong pairing code.');
    expect(pairing.accepts(pairing.pair(fresh.code).token)).toBe(true);
  });

  it('stores only SHA-256 hashes of tokens in its file, survives a restart, and revokeAll forgets every browser', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = dir.file('connector-tokens.json');
    const pairing = new ConnectorPairing(fileTokenStore(file));
    const { token } = pairing.pair(pairing.start().code);
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain(token);
    expect(JSON.parse(stored).extensions).toHaveLength(1);
    const restarted = new ConnectorPairing(fileTokenStore(file));
    expect(restarted.accepts(token)).toBe(true);
    restarted.revokeAll();
    expect(new ConnectorPairing(fileTokenStore(file)).accepts(token)).toBe(false);
  });

  it('binds each token to the origin that paired, names it, records its last use, and revokes one at once', () => {
    let now = Date.parse('2026-03-01T09:00:00.000Z');
    const dir = makeTempDir();
    dirs.push(dir);
    const file = dir.file('connector-tokens.json');
    const pairing = new ConnectorPairing(fileTokenStore(file), () => now);
    const firefox = 'moz-extension://0b6d4a1e-3c2f-4e8a-9d7b-5f1c2e3a4b5c';
    const chrome = pairing.pair(pairing.start().code, { origin: DOSSIER_EXTENSION_ORIGIN, name: 'Dossier Clipper in Chrome on Linux' }).token;
    now += 60_000;
    const fox = pairing.pair(pairing.start().code, { origin: firefox, name: 'Dossier Clipper in Firefox\u001b[2J\u202e' }).token;
    expect(pairing.accepts(fox, firefox)).toBe(true);
    expect(pairing.accepts(fox, DOSSIER_EXTENSION_ORIGIN), 'a token works only from the origin that paired').toBe(false);
    expect(pairing.accepts(fox, 'moz-extension://11111111-2222-4333-8444-555555555555')).toBe(false);
    expect(pairing.accepts(chrome, DOSSIER_EXTENSION_ORIGIN)).toBe(true);
    const [c, f] = pairing.list();
    expect(c).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), name: 'Dossier Clipper in Chrome on Linux', origin: DOSSIER_EXTENSION_ORIGIN, pairedAt: '2026-03-01T09:00:00.000Z', lastUsedAt: null });
    expect(f).toMatchObject({ name: 'Dossier Clipper in Firefox[2J', origin: firefox, pairedAt: '2026-03-01T09:01:00.000Z' });
    now += 60_000;
    pairing.touch(f!.id);
    expect(new ConnectorPairing(fileTokenStore(file)).list()[1]!.lastUsedAt).toBe('2026-03-01T09:02:00.000Z');
    // Revoking one: refused at once (the store is read per request), the other still accepted.
    pairing.revoke(f!.id);
    expect(pairing.accepts(fox, firefox)).toBe(false);
    expect(pairing.accepts(chrome, DOSSIER_EXTENSION_ORIGIN)).toBe(true);
    expect(pairing.list().map((e) => e.origin)).toEqual([DOSSIER_EXTENSION_ORIGIN]);
    expect(() => pairing.revoke(f!.id)).toThrow(/not paired/);
    expect(readFileSync(file, 'utf8')).not.toContain(chrome);
  });

  it('reads the first token file format (hashes only) as Chrome pairings', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = dir.file('connector-tokens.json');
    const token = 'a'.repeat(43);
    writeFileSync(file, JSON.stringify({ tokenSha256: [createHash('sha256').update(token).digest('hex'), 'not-a-hash'] }));
    const pairing = new ConnectorPairing(fileTokenStore(file));
    expect(pairing.accepts(token, DOSSIER_EXTENSION_ORIGIN)).toBe(true);
    expect(pairing.list()).toEqual([expect.objectContaining({ name: 'Browser extension', origin: DOSSIER_EXTENSION_ORIGIN, lastUsedAt: null })]);
  });
});
