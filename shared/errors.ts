/**
 * Errors cross every process boundary as data, never as thrown exceptions:
 * `{ ok: false, error: { code, message } }`. Services throw DossierError; the
 * dispatcher turns it into a Result; the renderer's client turns it back into
 * a DossierError so UI code can branch on `code`.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'unknown_channel',
  'db_from_newer_version',
  'db_corrupt',
  'db_busy',
  'disk_full',
  'too_large',
  'unsupported',
  'network',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export class DossierError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
