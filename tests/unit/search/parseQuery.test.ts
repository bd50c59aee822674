import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileText } from '../../../shared/search/compileFts';
import { FILTER_KEYS } from '../../../shared/search/filterKeys';
import { parseQuery, QUERY_MAX_CHARS, QUERY_MAX_TERMS } from '../../../shared/search/parseQuery';
import type { ParsedQuery } from '../../../shared/search/query';

function parsed(input: string): ParsedQuery {
  const result = parseQuery(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${result.message}`);
  return result.query;
}

function words(input: string) {
  return parsed(input).groups.map((g) => ({ negated: g.negated, terms: g.terms.map((t) => `${t.kind}:${t.text}${t.prefix ? '*' : ''}`) }));
}

describe('parseQuery', () => {
  it('reads words, phrases, prefixes, exclusions and OR', () => {
    expect(words('cartel "money laundering" launder* -mexico')).toEqual([
      { negated: false, terms: ['word:cartel'] },
      { negated: false, terms: ['phrase:money laundering'] },
      { negated: false, terms: ['word:launder*'] },
      { negated: true, terms: ['word:mexico'] },
    ]);
    expect(words('sinaloa OR jalisco OR "gulf cartel" arrests')).toEqual([
      { negated: false, terms: ['word:sinaloa', 'word:jalisco', 'phrase:gulf cartel'] },
      { negated: false, terms: ['word:arrests'] },
    ]);
    expect(words('leak NOT bribery -"press release"')).toEqual([
      { negated: false, terms: ['word:leak'] },
      { negated: true, terms: ['word:bribery'] },
      { negated: true, terms: ['phrase:press release'] },
    ]);
  });

  it('reads every filter, with quoted values and negation', () => {
    const q = parsed('tag:"foreign desk" project:Panama site:nytimes.com author:Pérez before:2024-03 after:2023 is:unread -is:starred -tag:draft');
    expect(q.filters).toEqual([
      { kind: 'tag', value: 'foreign desk', negated: false },
      { kind: 'project', value: 'Panama', negated: false },
      { kind: 'site', value: 'nytimes.com', negated: false },
      { kind: 'author', value: 'Pérez', negated: false },
      { kind: 'before', date: '2024-03-01', negated: false },
      { kind: 'after', date: '2024-01-01', negated: false },
      { kind: 'is', value: 'unread', negated: false },
      { kind: 'is', value: 'starred', negated: true },
      { kind: 'tag', value: 'draft', negated: true },
    ]);
    expect(q.groups).toEqual([]);
  });

  it('narrows types with type:, and widens back with several', () => {
    expect(parsed('x type:note').types).toEqual(['note']);
    expect(parsed('x type:notes type:Article').types).toEqual(['article', 'note']);
    expect(parsed('x -type:quote').types).toEqual(['article', 'note']);
    expect(parsed('x').types).toEqual(['article', 'note', 'quote']);
  });

  it('reads dates as day, month or year boundaries and refuses impossible ones', () => {
    expect(parsed('before:2024-02-29').filters[0]).toMatchObject({ date: '2024-02-29' });
    expect(parsed('after:2024-02-29').filters[0]).toMatchObject({ date: '2024-03-01' });
    expect(parsed('after:2024-12').filters[0]).toMatchObject({ date: '2025-01-01' });
    expect(parsed('before:2024/3/5').filters[0]).toMatchObject({ date: '2024-03-05' });
    for (const bad of ['before:2023-02-29', 'after:2024-13', 'before:yesterday', 'after:24']) {
      const result = parseQuery(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/needs a date like 2024/);
    }
  });

  it('explains unknown is: and type: values', () => {
    expect(parseQuery('is:lost')).toEqual({ ok: false, message: expect.stringContaining('unread, read, archived or starred') });
    expect(parseQuery('type:video')).toEqual({ ok: false, message: expect.stringContaining('note, article, quote, attribution, figure or date') });
  });

  it('treats times, URLs and quoted key:value words as text', () => {
    expect(words('10:30 https://example.com/a?b=1 "color:red"')).toEqual([
      { negated: false, terms: ['word:10:30'] },
      { negated: false, terms: ['word:https://example.com/a?b=1'] },
      { negated: false, terms: ['phrase:color:red'] },
    ]);
  });

  it('refuses an unknown filter key, listing the keys and offering the nearest one', () => {
    const typo = parseQuery('dredging tpye:quote harbour');
    expect(typo).toEqual({
      ok: false,
      message: expect.stringContaining('There is no filter "tpye:". Did you mean type:?'),
      suggestion: 'dredging type:quote harbour',
    });
    if (!typo.ok) {
      for (const key of FILTER_KEYS) expect(typo.message).toContain(`${key.key}:`);
      expect(typo.message).toContain('put them in quotes: "tpye:quote"');
    }
    expect(parseQuery('-projcet:port x')).toMatchObject({ ok: false, suggestion: '-project:port x' });
    expect(parseQuery('speakr:"marco rubio"')).toMatchObject({ ok: false, suggestion: 'speaker:"marco rubio"' });
    // Nothing near: the keys are listed, no suggestion.
    const far = parseQuery('color:red');
    expect(far.ok).toBe(false);
    expect(far).not.toHaveProperty('suggestion');
    if (!far.ok) expect(far.message).toMatch(/^There is no filter "color:"\. Filters: type:, tag:/);
  });

  it('reads speaker: and entity:, and adds the facts they describe to the types searched', () => {
    const q = parsed('speaker:rubio entity:"Tren de Aragua"');
    expect(q.filters).toEqual([
      { kind: 'speaker', value: 'rubio', negated: false },
      { kind: 'entity', value: 'Tren de Aragua', negated: false },
    ]);
    expect(parsed('speaker:rubio').types).toEqual(['article', 'note', 'quote', 'attribution']);
    expect(parsed('entity:maduro').types).toEqual(['article', 'note', 'quote', 'attribution', 'figure', 'date']);
    expect(parsed('x -speaker:rubio').types).toEqual(['article', 'note', 'quote']);
    expect(parsed('type:figure deaths').types).toEqual(['figure']);
    expect(parsed('type:dates type:attributions').types).toEqual(['attribution', 'date']);
    expect(parsed('type:said').types).toEqual(['attribution']);
    // #13's own example: the quotes a speaker said are attributions.
    expect(parsed('type:quote speaker:"marco rubio"').types).toEqual(['quote', 'attribution']);
    expect(parsed('type:quote').types).toEqual(['quote']);
  });

  it('parses every example the help lists as its own filter', () => {
    for (const key of FILTER_KEYS) {
      const result = parseQuery(key.help.example);
      expect(result.ok, key.help.example).toBe(true);
      if (!result.ok) continue;
      if (key.key === 'type') expect(result.query.types).toHaveLength(1);
      else expect(result.query.filters.map((f) => f.kind), key.help.example).toEqual([key.key]);
    }
  });

  it('marks terms in scripts without spaces', () => {
    const q = parsed('東京 tokyo กรุงเทพ 서울에서');
    expect(q.groups.map((g) => g.terms[0]!.spaceless)).toEqual([true, false, true, true]);
    expect(parsed('東京*').groups[0]!.terms[0]!.prefix).toBe(false); // substring match already
  });

  it('ignores what is still being typed: an empty filter, a lone OR, a lone quote or minus', () => {
    expect(parsed('tag:').filters).toEqual([]);
    expect(words('OR')).toEqual([]);
    expect(words('cartel OR')).toEqual([{ negated: false, terms: ['word:cartel'] }]);
    expect(words('"')).toEqual([]);
    expect(words('-')).toEqual([]);
    expect(words('"unclosed phrase here')).toEqual([{ negated: false, terms: ['phrase:unclosed phrase here'] }]);
  });

  it('refuses a query with only exclusions, and one that is too long, with a message', () => {
    expect(parseQuery('-cartel')).toEqual({ ok: false, message: expect.stringContaining('Add a word or a filter') });
    expect(parseQuery('-cartel is:unread').ok).toBe(true);
    const tooLong = parseQuery('a'.repeat(QUERY_MAX_CHARS + 1));
    expect(tooLong).toEqual({ ok: false, message: expect.stringContaining('too long') });
    const tooMany = parseQuery(Array.from({ length: QUERY_MAX_TERMS + 1 }, (_, i) => `word${i}`).join(' '));
    expect(tooMany).toEqual({ ok: false, message: expect.stringContaining(`limit is ${QUERY_MAX_TERMS}`) });
  });
});

describe('compileText', () => {
  it('quotes every user term and combines groups with FTS5 operators', () => {
    expect(compileText(parsed('cartel "money laundering" launder* -mexico').groups)).toEqual({
      match: '("cartel" AND "money laundering" AND "launder"*) NOT ("mexico")',
      exclude: null,
      spacelessGroups: [],
    });
    expect(compileText(parsed('a OR b c').groups).match).toBe('("a" OR "b") AND "c"');
    expect(compileText(parsed('say "he said ""no""" NEAR(x y) "col:z" ^start').groups).match).toBe(
      '"say" AND "he said" AND "no" AND "NEAR(x" AND "y)" AND "col:z" AND "start"',
    );
  });

  it('puts exclusions aside when nothing positive remains to subtract them from', () => {
    expect(compileText(parsed('-a -b is:unread').groups)).toEqual({ match: null, exclude: '"a" OR "b"', spacelessGroups: [] });
  });

  it('sends spaceless terms to the trigram index, short ones as substrings', () => {
    expect(compileText(parsed('東京都 OR tokyo 北京 -大阪').groups)).toEqual({
      match: null,
      exclude: null,
      spacelessGroups: [
        { negated: false, wordMatch: '"tokyo"', trigramMatch: '"東京都"', substrings: [] },
        { negated: false, wordMatch: null, trigramMatch: null, substrings: ['北京'] },
        { negated: true, wordMatch: null, trigramMatch: null, substrings: ['大阪'] },
      ],
    });
  });
});

/** Hostile input: whatever the string, parse + compile never throw and the MATCH string is valid FTS5. */
describe('hostile input', () => {
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = "unicode61 remove_diacritics 2");
             INSERT INTO t VALUES ('Café au lait', 'the "quoted" body with NEAR and OR words');`);
  });
  afterAll(() => db.close());

  const hostile = [
    '"',
    '""',
    '"""',
    '"a',
    'a"b"c"',
    'OR',
    'AND',
    'NOT',
    'OR OR OR',
    'a OR',
    'OR a',
    '- - -',
    '-',
    '*',
    '**a**',
    'a*b',
    '^',
    '(',
    ')',
    '(a OR b',
    'NEAR(a b, 3)',
    'title:cafe',
    '{title body}:x',
    'a + b',
    'a:',
    ':',
    'tag:"',
    'tag:"unclosed value',
    '-tag:',
    "'; DROP TABLE t; --",
    '\u0000\u0001\u0002',
    '\uD800',
    '😀 ﷽ \u202E evil',
    'a\u0301\u0301\u0301',
    '\t\n\r',
    '   ',
    '',
    'x'.repeat(QUERY_MAX_CHARS),
    'ab '.repeat(3_333),
    '"'.repeat(10_000),
    '-'.repeat(10_000),
    '*'.repeat(10_000),
    '(' .repeat(5_000) + ')'.repeat(5_000),
    'OR '.repeat(3_333),
    'tag:x '.repeat(1_666),
    '東'.repeat(10_000),
  ];

  it.each(hostile.map((h) => [h.length > 40 ? `${JSON.stringify(h.slice(0, 20))}… (${h.length} chars)` : JSON.stringify(h), h]))(
    '%s gives a query or a message, and a MATCH string FTS5 accepts',
    (_label, input) => {
      const result = parseQuery(input);
      if (!result.ok) {
        expect(result.message.length).toBeGreaterThan(10);
        return;
      }
      const compiled = compileText(result.query.groups);
      for (const match of [compiled.match, compiled.exclude, ...compiled.spacelessGroups.map((g) => g.wordMatch)]) {
        if (match) expect(() => db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').get(match)).not.toThrow();
      }
    },
  );

  it('random strings over FTS5 syntax characters never throw', () => {
    const alphabet = ['"', '*', '-', '(', ')', ':', '^', '+', '{', '}', ' ', 'OR', 'AND', 'NOT', 'NEAR', 'a', 'é', '東', 'tag:', 'is:', '\\', "'"];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2_000; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const result = parseQuery(input);
      if (!result.ok) continue;
      const { match, exclude } = compileText(result.query.groups);
      for (const m of [match, exclude]) if (m) expect(() => db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').get(m), `${input} → ${m}`).not.toThrow();
    }
  });
});
