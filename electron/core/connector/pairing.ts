import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { DOSSIER_EXTENSION_ORIGIN } from '../../../shared/connector/protocol';
import { DossierError } from '../../../shared/errors';

/**
 * Pairing of a browser extension with the app. The app shows a one-time
 * 6-digit code (valid 5 minutes, voided after 5 wrong tries); the extension
 * trades it once for a random 256-bit token it keeps. The app stores only the
 * token's SHA-256, bound to the Origin that paired (a Firefox extension's
 * moz-extension:// origin differs per install), with a name, when it paired
 * and when it was last used, so the journalist can see and revoke each one.
 */
export const PAIRING_CODE_TTL_MS = 5 * 60_000;
export const PAIRING_MAX_TRIES = 5;

/** A paired extension as the app keeps it (never the token itself). */
export interface PairedExtension {
  /** Stable id for listing and revoking: the first 16 hex digits of the token's hash. */
  id: string;
  tokenSha256: string;
  name: string;
  /** The Origin the extension paired from; its captures must come from the same one. */
  origin: string;
  pairedAt: string;
  lastUsedAt: string | null;
}

/** Where the paired extensions live; a file beside the library in the app, memory in tests. */
export interface TokenStore {
  load(): PairedExtension[];
  save(extensions: PairedExtension[]): void;
}

export function memoryTokenStore(initial: PairedExtension[] = []): TokenStore {
  let extensions = initial.map((e) => ({ ...e }));
  return { load: () => extensions.map((e) => ({ ...e })), save: (next) => void (extensions = next.map((e) => ({ ...e }))) };
}

const HEX64 = /^[0-9a-f]{64}$/;

function isPaired(value: unknown): value is PairedExtension {
  const e = value as Partial<PairedExtension> | null;
  return (
    typeof e === 'object' && e !== null &&
    typeof e.tokenSha256 === 'string' && HEX64.test(e.tokenSha256) && e.id === e.tokenSha256.slice(0, 16) &&
    typeof e.name === 'string' && typeof e.origin === 'string' && typeof e.pairedAt === 'string' &&
    (e.lastUsedAt === null || typeof e.lastUsedAt === 'string')
  );
}

/**
 * A JSON file written through a temp name and a rename, so a crash never
 * leaves half a file. The first format (`{tokenSha256: [...]}`, Chrome only)
 * is read as extensions paired from the Chrome extension's origin.
 */
export function fileTokenStore(path: string): TokenStore {
  return {
    load() {
      if (!existsSync(path)) return [];
      try {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as { extensions?: unknown; tokenSha256?: unknown };
        if (Array.isArray(parsed.extensions)) return parsed.extensions.filter(isPaired);
        if (Array.isArray(parsed.tokenSha256)) {
          const pairedAt = statSync(path).mtime.toISOString();
          return parsed.tokenSha256
            .filter((h): h is string => typeof h === 'string' && HEX64.test(h))
            .map((hash) => ({ id: hash.slice(0, 16), tokenSha256: hash, name: 'Browser extension', origin: DOSSIER_EXTENSION_ORIGIN, pairedAt, lastUsedAt: null }));
        }
        return [];
      } catch {
        return [];
      }
    },
    save(extensions) {
      const temp = `${path}.tmp-${process.pid}`;
      writeFileSync(temp, `${JSON.stringify({ version: 2, extensions }, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, path);
    },
  };
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A name fit to list: what the extension says it is, without control characters, bounded. */
function cleanName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 100);
  return cleaned === '' ? 'Browser extension' : cleaned;
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

  /** Trades the current code for a new token bound to `from.origin`; the code works once. */
  pair(code: string, from: { origin: string; name?: string | undefined } = { origin: DOSSIER_EXTENSION_ORIGIN }): { token: string } {
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
    const tokenSha256 = hashToken(token).toString('hex');
    const paired: PairedExtension = { id: tokenSha256.slice(0, 16), tokenSha256, name: cleanName(from.name), origin: from.origin, pairedAt: new Date(this.nowMs()).toISOString(), lastUsedAt: null };
    this.store.save([...this.store.load(), paired]);
    return { token };
  }

  /**
   * The paired extension `token` belongs to, when it was issued by a pairing,
   * not revoked, and (given an origin) is used from the origin that paired
   * (constant-time per stored hash). The store is read on every call, so a
   * revocation takes effect at once.
   */
  authenticate(token: string | undefined, origin?: string): PairedExtension | undefined {
    if (!token || token.length > 200) return undefined;
    const given = hashToken(token);
    let found: PairedExtension | undefined;
    for (const extension of this.store.load()) {
      if (timingSafeEqual(given, Buffer.from(extension.tokenSha256, 'hex'))) found = extension;
    }
    if (found && origin !== undefined && found.origin !== origin) return undefined;
    return found;
  }

  /** True when `token` was issued by a pairing and not revoked. */
  accepts(token: string | undefined, origin?: string): boolean {
    return this.authenticate(token, origin) !== undefined;
  }

  /** Records a use of the extension (its "last used" in the list). */
  touch(id: string): void {
    const at = new Date(this.nowMs()).toISOString();
    this.store.save(this.store.load().map((e) => (e.id === id ? { ...e, lastUsedAt: at } : e)));
  }

  /** The paired extensions, oldest first, without their token hashes. */
  list(): Array<Omit<PairedExtension, 'tokenSha256'>> {
    return this.store.load().map(({ tokenSha256: _hash, ...rest }) => rest);
  }

  /** Revokes one pairing: its token is refused from the next request on. */
  revoke(id: string): void {
    const all = this.store.load();
    if (!all.some((e) => e.id === id)) throw new DossierError('not_found', 'This browser extension is not paired (it may have been revoked already).');
    this.store.save(all.filter((e) => e.id !== id));
  }

  /** Forgets every paired extension (they must pair again). */
  revokeAll(): void {
    this.store.save([]);
  }
}
