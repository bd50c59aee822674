import type { z } from 'zod';
import { editorJson } from '../core';
import { inputJsonSchema, validSample, type FuzzWorld, type JsonSchema } from './validSample';

export type PayloadOrigin = 'random' | 'valid' | 'mutated';

/**
 * Payloads for one channel: a share of pure noise (any shape at all), a share of valid
 * samples (so handlers run against real rows), and most of them valid samples with one
 * field broken — deleted, retyped, pushed past its bound, given a hostile string, or an
 * extra key added — which is where schemas and handlers disagree if they ever do.
 */
export class PayloadMaker {
  private readonly json: JsonSchema;

  constructor(
    private readonly schema: z.ZodType,
    private readonly world: FuzzWorld,
  ) {
    this.json = inputJsonSchema(schema);
  }

  next(): { payload: unknown; origin: PayloadOrigin } {
    const roll = this.world.random();
    if (roll < 0.25) return { payload: this.value(), origin: 'random' };
    const sample = validSample(this.schema, this.json, this.world);
    if (sample === null) return { payload: this.value(), origin: 'random' };
    if (roll < 0.5) return { payload: sample, origin: 'valid' };
    return { payload: this.mutate(sample), origin: 'mutated' };
  }

  private random(): number {
    return this.world.random();
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private int(max: number): number {
    return Math.floor(this.random() * max);
  }

  private mutate(sample: unknown): unknown {
    if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return this.value();
    const copy = structuredClone(sample) as Record<string, unknown>;
    const keys = Object.keys(this.json.properties ?? {});
    const roll = this.random();
    if (keys.length === 0 || roll < 0.1) {
      copy[this.key()] = this.value(1);
      return copy;
    }
    const key = this.pick(keys);
    const property = this.json.properties![key]!;
    if (roll < 0.25) delete copy[key];
    else if (roll < 0.45) copy[key] = this.value(1);
    else copy[key] = this.breakValue(property, copy[key]);
    return copy;
  }

  /** A value of roughly the right kind that a careless handler would mishandle. */
  private breakValue(js: JsonSchema, current: unknown): unknown {
    if (Array.isArray(current)) {
      const variants: unknown[] = [[], [...current, ...current], current.map(() => this.value(2))];
      if ((js.maxItems ?? Infinity) <= 20_000) variants.push(Array.from({ length: js.maxItems! + 1 }, () => current[0] ?? 1));
      return this.pick(variants);
    }
    if (typeof current === 'number') {
      const max = js.maximum ?? Number.MAX_SAFE_INTEGER;
      return this.pick([0, -1, 1.5, max, max + 1, 999_999, 2 ** 53, NaN, -Infinity, String(current)]);
    }
    if (typeof current === 'string') {
      const variants: unknown[] = [
        '',
        ' ',
        `${current}\u0000`,
        `${current}\ud800`,
        `\u202e${current}\u200b`,
        current.toUpperCase(),
        '../../../../etc/passwd',
        'C:\\Windows\\x.db',
        '<img src=x onerror=alert(1)>',
        "'; DROP TABLE notes; --",
        '{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":5}]}]}}',
        editorJson('x'.repeat(300)),
      ];
      if ((js.maxLength ?? Infinity) <= 200_000) variants.push('x'.repeat(js.maxLength! + 1), 'x'.repeat(js.maxLength!));
      return this.pick(variants);
    }
    if (typeof current === 'boolean') return this.pick([!current, 'true', 0, null]);
    if (current && typeof current === 'object') {
      const inner = structuredClone(current) as Record<string, unknown>;
      const innerKeys = Object.keys(inner);
      if (innerKeys.length > 0) inner[this.pick(innerKeys)] = this.value(2);
      return inner;
    }
    return this.value(1);
  }

  value(depth = 0): unknown {
    const kind = this.int(depth > 3 ? 6 : 10);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return undefined;
      case 2:
        return this.random() < 0.5;
      case 3:
      case 4:
        return this.pick([0, -0, 1, 2, 3, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, this.int(10)]);
      case 5:
        return this.string();
      case 6:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      case 7:
        return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.key(), this.value(depth + 1)]));
      case 8:
        return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
      default:
        return { id: this.value(depth + 1) };
    }
  }

  private key(): string {
    return this.pick(['id', 'title', 'contentJson', 'file', 'out', 'x', '__proto__', 'constructor', 'toString', '', ' id']);
  }

  private string(): string {
    const d = this.world.sandboxDir;
    return this.pick([
      '',
      'a',
      '{}',
      'null',
      '{"root":{"type":"root","children":[]}}',
      `{"root":${'{"type":"x","children":['.repeat(2000)}`,
      '\u0000',
      '\ud800',
      'e\u0301\u202e\u200b',
      '<script>alert(1)</script>',
      '../../../../etc/passwd',
      '\\\\server\\share\\x.sqlite',
      'C:\\Windows\\x.db',
      `${d}/nested/../escape-${this.int(1e9)}.sqlite`,
      `${d}/missing/dir/x.sqlite`,
      '/dev/null',
      '/proc/self/environ',
      'x'.repeat(70_000),
      String.fromCharCode(...Array.from({ length: 40 }, () => this.int(0xffff))),
    ]);
  }
}
