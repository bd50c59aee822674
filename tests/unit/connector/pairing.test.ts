import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorPairing, fileTokenStore, memoryTokenStore, PAIRING_CODE_TTL_MS, PAIRING_MAX_TRIES } from '../../../electron/core/connector/pairing';
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
    expect(JSON.parse(stored).tokenSha256).toHaveLength(1);
    const restarted = new ConnectorPairing(fileTokenStore(file));
    expect(restarted.accepts(token)).toBe(true);
    restarted.revokeAll();
    expect(new ConnectorPairing(fileTokenStore(file)).accepts(token)).toBe(false);
  });
});
