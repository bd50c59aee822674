import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { DossierError } from '../../../shared/errors';
import { megabytes } from '../../../shared/limits';

const NEWLINE = 0x0a;
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Splits a byte stream into lines (without their `\n`) and refuses a line
 * longer than `maxBytes` as soon as it passes the cap, before any string is
 * built from it: a hostile 600 MB line costs at most `maxBytes` of memory.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private completed = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      this.size += piece.length;
      if (this.size > this.maxBytes) {
        this.parts = [];
        throw new DossierError(
          'invalid_input',
          `Line ${this.completed + 1} of the archive is longer than ${megabytes(this.maxBytes)}; Dossier refuses lines that long (the file is damaged or not a Dossier archive). Nothing was imported.`,
        );
      }
      if (piece.length > 0) this.parts.push(piece);
      if (newline === -1) return lines;
      lines.push(this.take());
      start = newline + 1;
    }
  }

  /** The last line, when the stream does not end with `\n`. */
  end(): Buffer[] {
    return this.size > 0 ? [this.take()] : [];
  }

  private take(): Buffer {
    const line = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.completed += 1;
    return line;
  }
}

/** The lines of a gzip file, streamed (never the whole file in memory). */
export async function* gzipFileLines(file: string, maxBytes: number): AsyncGenerator<Buffer> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const splitter = new LineSplitter(maxBytes);
  try {
    for await (const chunk of gunzip) yield* splitter.push(chunk as Buffer);
    yield* splitter.end();
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

/** The lines of a plain file, read synchronously (for a single synchronous transaction). */
export function* plainFileLines(file: string, maxBytes: number): Generator<Buffer> {
  const fd = openSync(file, 'r');
  const splitter = new LineSplitter(maxBytes);
  try {
    for (;;) {
      // A fresh buffer per read: lines returned earlier may still be views into the previous one.
      const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      yield* splitter.push(chunk.subarray(0, read));
    }
    yield* splitter.end();
  } finally {
    closeSync(fd);
  }
}
