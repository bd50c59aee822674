import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DossierError } from '../../../shared/errors';

/**
 * Pairing of the browser extension with the app. The app shows a one-time
 * 6-digit code (valid 5 minutes, voided after 5 wrong tries); the extension
 * trades it once for a random 256-bit token it keeps. The app stores only the
 * token's SHA-256, so the file it lives in cannot be replayed as a token.
 */
export const PAIRING_CODE_TTL_MS = 5 * 60_000;
export const PAIRING_MAX_TRIES = 5;

/** Where the token hashes live; a file beside the library in the app, memory in tests. */
export interface TokenStore {
  load(): string[];
  save(hashes: string[]): void;
}

export function memoryTokenStore(initial: string[] = []): TokenStore {
  let hashes = [...initial];
  return { load: () => [...hashes], save: (next) => void (hashes = [...next]) };
}

/** A JSON file written through a temp name and a rename, so a crash never leaves half a file. */
export function fileTokenStore(path: string): TokenStore {
  return {
    load() {
      if (!existsSync(path)) return [];
      try {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as { tokenSha256?: unknown };
        return Array.isArray(parsed.tokenSha256) ? parsed.tokenSha256.filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) : [];
      } catch {
        return [];
      }
    },
    save(hashes) {
      const temp = `${path}.tmp-${process.pid}`;
      writeFileSync(temp, `${JSON.stringify({ tokenSha256: hashes }, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export class ConnectorPairing {
  private code: { value: string; expiresAtMs: number; triesLeft: number } | null = null;

  constructor(
    private readonly store: TokenStore,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** A fresh code (any earlier one stops working). */
  start(): { code: string; expiresAt: string } {
    const value = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAtMs = this.nowMs() + PAIRING_CODE_TTL_MS;
    this.code = { value, expiresAtMs, triesLeft: PAIRING_MAX_TRIES };
    return { code: value, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  /** Trades the current code for a new token; the code works once. */
  pair(code: string): { token: string } {
    const current = this.code;
    if (!current || current.expiresAtMs < this.nowMs()) {
      this.code = null;
      throw new DossierError('forbidden', 'No pairing code is active: choose "Connect browser extension" in Dossier and type the code it shows.');
    }
    const given = Buffer.from(code);
    const expected = Buffer.from(current.value);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      current.triesLeft -= 1;
      if (current.triesLeft <= 0) this.code = null;
      throw new DossierError('forbidden', current.triesLeft > 0 ? 'Wrong pairing code.' : 'Wrong pairing code; the code is void now: ask Dossier for a new one.');
    }
    this.code = null;
    const token = randomBytes(32).toString('base64url');
    this.store.save([...this.store.load(), hashToken(token).toString('hex')]);
    return { token };
  }

  /** True when `token` was issued by a pairing and not revoked (constant-time per stored hash). */
  accepts(token: string | undefined): boolean {
    if (!token || token.length > 200) return false;
    const given = hashToken(token);
    let found = false;
    for (const hex of this.store.load()) {
      if (timingSafeEqual(given, Buffer.from(hex, 'hex'))) found = true;
    }
    return found;
  }

  /** Forgets every paired extension (they must pair again). */
  revokeAll(): void {
    this.store.save([]);
  }
}
