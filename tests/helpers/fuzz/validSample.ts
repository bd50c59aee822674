import { z } from 'zod';
import { editorJson } from '../core';

/**
 * Builds inputs a channel's schema accepts, from its JSON Schema (zod's own export, so every
 * bound — lengths, integer ranges, enums, unions — comes from the contract and is never
 * restated here). Values are chosen to mean something in the fuzz library: ids point at rows
 * that exist, paths stay in the test's temp dir, URLs at a closed local port. The fuzz mutates
 * these samples one field at a time, so most payloads get past the schema and reach handlers.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface FuzzWorld {
  random: () => number;
  /** Row ids that exist in the fuzz library (notes, articles, versions, passages, projects, facts…). */
  ids: readonly number[];
  /** Names that exist: a project, a tag. */
  names: readonly string[];
  /** Words that occur in the library's article. */
  text: string;
  sandboxDir: string;
}

export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Up to `tries` samples generated from `json` (inputJsonSchema(schema), computed once by the caller) until one passes the schema; null when none does (the fuzz reports it). */
export function validSample(schema: z.ZodType, json: JsonSchema, world: FuzzWorld, tries = 20): unknown {
  for (let i = 0; i < tries; i += 1) {
    const sample = sampleOf(json, '', world);
    if (schema.safeParse(sample).success) return sample;
  }
  return null;
}

function pick<T>(world: FuzzWorld, items: readonly T[]): T {
  return items[Math.floor(world.random() * items.length)]!;
}

function sampleOf(js: JsonSchema, key: string, world: FuzzWorld): unknown {
  if ('const' in js) return js.const;
  if (js.enum) return pick(world, js.enum);
  const branches = js.oneOf ?? js.anyOf;
  if (branches) {
    const nonNull = branches.filter((b) => b.type !== 'null');
    return sampleOf(world.random() < 0.9 && nonNull.length > 0 ? pick(world, nonNull) : pick(world, branches), key, world);
  }
  const type = Array.isArray(js.type) ? pick(world, js.type) : js.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(js.properties ?? {})) {
        if (js.required?.includes(name) || world.random() < 0.5) out[name] = sampleOf(property, name, world);
      }
      return out;
    }
    case 'array': {
      const min = js.minItems ?? 0;
      const count = Math.min(js.maxItems ?? 3, min + Math.floor(world.random() * 3));
      return Array.from({ length: count }, () => sampleOf(js.items ?? {}, singular(key), world));
    }
    case 'integer':
    case 'number':
      return numberFor(js, key, world);
    case 'boolean':
      return world.random() < 0.5;
    case 'null':
      return null;
    case 'string':
      return stringFor(js, key, world);
    default:
      return 'alpha';
  }
}

function singular(key: string): string {
  return key.endsWith('s') ? key.slice(0, -1) : key;
}

function numberFor(js: JsonSchema, key: string, world: FuzzWorld): number {
  const min = js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : 0);
  const max = js.maximum ?? Number.MAX_SAFE_INTEGER;
  if (/id$/i.test(key)) return pick(world, world.ids.filter((id) => id >= min && id <= max).concat(min));
  // Small values near the lower bound (limits, offsets, counts); sometimes the upper bound itself.
  return world.random() < 0.15 ? max : Math.min(max, min + Math.floor(world.random() * 40));
}

function stringFor(js: JsonSchema, key: string, world: FuzzWorld): string {
  const value = meaningfulString(js, key, world);
  const min = js.minLength ?? 0;
  const max = js.maxLength ?? Infinity;
  return value.padEnd(min, 'x').slice(0, max);
}

function meaningfulString(js: JsonSchema, key: string, world: FuzzWorld): string {
  const dir = world.sandboxDir;
  if (js.pattern?.startsWith('^[A-Za-z0-9+/]')) return Buffer.from(`<p>${world.text}</p>`).toString('base64');
  const classPattern = js.pattern ? fromCharacterClass(js.pattern, world) : null;
  if (classPattern !== null) return classPattern;
  if (js.pattern?.startsWith('^\\d{4}')) return pick(world, ['2025-03-16', '2025-03-16T10:00:00Z', '2025-12-10T09:29:08.000+01:00']);
  if (js.format === 'date-time') return new Date(Date.UTC(2025, 2, 16)).toISOString();
  if (js.format === 'uuid') return pick(world, ['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7']);
  switch (key) {
    case 'contentJson':
      return editorJson(`fuzz ${Math.floor(world.random() * 100)}`, world.text);
    case 'file':
    case 'out':
    case 'path':
      return pick(world, [`${dir}/fuzz-${Math.floor(world.random() * 1e9)}.md`, `${dir}/nested/x.dossier`, `${dir}/not-a-db.db`, `${dir}/missing/dir/x`]);
    case 'folder':
      return pick(world, [`${dir}/export-${Math.floor(world.random() * 1e9)}`, `${dir}/nested`]);
    case 'url':
    case 'canonicalUrl':
      // A closed port on loopback: refused (private host) or fails at once, never reaches the network.
      return pick(world, ['http://127.0.0.1:9/article', 'https://localhost:9/a']);
    case 'content':
      return pick(world, [`<article><h1>Fuzz</h1><p>${world.text}</p></article>`, world.text, `# Fuzz\n\n${world.text}`]);
    case 'query':
    case 'text':
      return pick(world, [world.text.split(' ').slice(0, 3).join(' '), 'alpha', 'tag:fuzz', '"exact words"', 'project:Fuzz']);
    case 'name':
    case 'project':
    case 'title':
      return pick(world, [...world.names, 'Fuzzed name', ' padded ']);
    default:
      return pick(world, ['alpha', 'fuzz', world.names[0] ?? 'x']);
  }
}

/** A string for a pattern of one character class and a length (`^[0-9a-f]{16}$`, `^[A-Za-z0-9_-]{8,64}$`); null for any other pattern. */
function fromCharacterClass(pattern: string, world: FuzzWorld): string | null {
  const match = /^\^\[([^\]]+)\]\{(\d+)(?:,(\d+))?\}\$$/.exec(pattern);
  if (!match) return null;
  const chars: string[] = [];
  const spec = match[1]!;
  for (let i = 0; i < spec.length; i += 1) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c += 1) chars.push(String.fromCharCode(c));
      i += 2;
    } else chars.push(spec[i]!);
  }
  const min = Number(match[2]);
  const max = match[3] === undefined ? min : Number(match[3]);
  const length = min + Math.floor(world.random() * (Math.min(max, min + 8) - min + 1));
  return Array.from({ length }, () => pick(world, chars)).join('');
}
