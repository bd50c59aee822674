// Hand-written cases for each extraction rule of issue #13. Each names the behaviour it guards.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../electron/core/facts/extract';
import { expectAnchored } from './expectAnchored';

const facts = (text: string, publishedAt: string | null = '2025-12-10') => {
  const f = extractFacts(text, { publishedAt });
  expectAnchored(text, f);
  return f;
};
const quotes = (text: string) => facts(text).quotes.map((q) => ({ text: q.text, source: q.source, speaker: q.speaker, cue: q.cue, anonymous: q.anonymous }));

describe('attribution rules', () => {
  it('direct quote with the cue after it, in both orders', () => {
    const text = 'Senator Jane Holloway spoke first.\n“We will not back down,” said Holloway.\n“The vote is Friday,” Holloway told reporters.';
    const q = quotes(text);
    expect(q).toContainEqual(expect.objectContaining({ text: 'We will not back down', source: 'Holloway', speaker: 'Jane Holloway', cue: 'said' }));
    expect(q).toContainEqual(expect.objectContaining({ text: 'The vote is Friday', source: 'Holloway', speaker: 'Jane Holloway', cue: 'told' }));
  });

  it('direct quote with the cue and a colon before it', () => {
    const q = quotes('Governor Tom Reyes said: “The bridge will reopen in spring.”');
    expect(q).toEqual([expect.objectContaining({ text: 'The bridge will reopen in spring', source: 'Governor Tom Reyes', speaker: 'Tom Reyes', cue: 'said' })]);
  });

  it('a quote split around its cue is credited in both halves', () => {
    const q = quotes('“We were there under legitimate pretenses,” Maria Figueroa said. “Nobody broke the law.”\n“This is the first part,” said Maria Figueroa, “and this is the second.”');
    expect(q.map((x) => [x.text, x.speaker])).toEqual(expect.arrayContaining([
      ['This is the first part', 'Maria Figueroa'],
      ['and this is the second', 'Maria Figueroa'],
      ['Nobody broke the law', 'Maria Figueroa'],
    ]));
  });

  it('a quote left open at the end of a paragraph continues, with its speaker, in the next one', () => {
    const text = 'Mayor Ellen Park said: “The budget is balanced for the first time in a decade.\n“We cut nothing that matters, and we hired forty teachers.”\nThe council meets on Monday.';
    const q = quotes(text);
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ['The budget is balanced for the first time in a decade', 'Ellen Park'],
      ['We cut nothing that matters, and we hired forty teachers', 'Ellen Park'],
    ]);
  });

  it('reported speech: S said (that) …, …, S said, and according to S', () => {
    const q = quotes('Prime Minister Anna Berg said that the talks would resume next week. The deal is close to done, a senior official said. According to the ministry, exports fell sharply in the autumn.');
    expect(q).toContainEqual(expect.objectContaining({ text: 'the talks would resume next week', speaker: 'Anna Berg', cue: 'said' }));
    expect(q).toContainEqual(expect.objectContaining({ text: 'The deal is close to done', source: 'a senior official', anonymous: true, speaker: null }));
    expect(q).toContainEqual(expect.objectContaining({ text: 'exports fell sharply in the autumn', source: 'the ministry', cue: 'According to' }));
  });

  it('unnamed sources are kept and marked anonymous; a spokesman for a named body too', () => {
    const q = quotes('Officials said the border would stay closed until further notice. Sources close to the military have indicated that the aim is not regime change. A spokesman for the company said the recall was voluntary.');
    expect(q.map((x) => [x.source, x.anonymous, x.speaker])).toEqual([
      ['Officials', true, null],
      ['Sources close to the military', true, null],
      ['A spokesman for the company', true, null],
    ]);
  });

  it('pronouns resolve to the nearest earlier person of a compatible gender', () => {
    const text = 'Hillary Clinton met Donald Trump in the hall. She said the meeting was cordial and brief. Trump left early. He said the room was too cold for a debate.';
    const q = quotes(text);
    expect(q.map((x) => [x.source, x.speaker])).toEqual([
      ['She', 'Hillary Clinton'],
      ['He', 'Donald Trump'],
    ]);
  });

  it('role nouns ("the secretary") resolve to the person holding that title; aliases merge into one speaker', () => {
    const text = 'Secretary of State Marco Rubio arrived in Lima. Rubio said the talks had been productive for both sides. The secretary said the embassy would reopen.';
    const f = facts(text);
    expect(f.quotes.map((q) => q.speaker)).toEqual(['Marco Rubio', 'Marco Rubio']);
    const rubio = f.entities.filter((e) => e.name === 'Marco Rubio');
    expect(rubio).toHaveLength(1);
    expect(rubio[0]!.type).toBe('person');
    expect(rubio[0]!.aliases).toEqual(['Rubio', 'Secretary of State Marco Rubio']);
    expect(rubio[0]!.mentions).toHaveLength(2);
  });

  it('a capitalised word that is no verb ("United States") is no cue', () => {
    expect(quotes('Exports to the United States rose in the third quarter of the year.')).toEqual([]);
  });
});

describe('entities', () => {
  it('classifies people by title or first name, organisations by their words or a following noun, places by the lexicon', () => {
    const f = facts('General Laura Kim visited Venezuela. Members of the Tren de Aragua gang were arrested by the Department of Defense in Caracas.');
    const types = Object.fromEntries(f.entities.map((e) => [e.name, e.type]));
    expect(types).toMatchObject({ 'Laura Kim': 'person', Venezuela: 'place', 'Tren de Aragua': 'org', 'Department of Defense': 'org', Caracas: 'place' });
  });
});

describe('figures', () => {
  it('reads the number, what it counts and its qualifier', () => {
    const f = facts('More than thirty strikes were carried out. Over 110 deaths were reported, and at least 2,500 people fled. The fund holds $4.2 million, up 12% on the year; nearly 3.5 billion euros were pledged.').figures;
    const got = f.map(({ text, value, unit, qualifier }) => ({ text, value, unit, qualifier }));
    expect(got).toEqual([
      { text: 'More than thirty strikes', value: 30, unit: 'strikes', qualifier: 'more than' },
      { text: 'Over 110 deaths', value: 110, unit: 'deaths', qualifier: 'over' },
      { text: 'at least 2,500 people', value: 2500, unit: 'people', qualifier: 'at least' },
      { text: '$4.2 million', value: 4200000, unit: 'USD', qualifier: null },
      { text: '12%', value: 12, unit: 'percent', qualifier: null },
      { text: 'nearly 3.5 billion euros', value: 3500000000, unit: 'euros', qualifier: 'nearly' },
    ]);
  });

  it('leaves years, days of the month and times to the dates', () => {
    expect(facts('On September 2, 2025, at 3 a.m., in 2024.').figures).toEqual([]);
  });
});

describe('dates', () => {
  it('resolves month-only and relative dates against the published date, at their precision', () => {
    const d = facts('In October the plan changed. Since the strike on September 2, 2025, and a directive from August 2025, talks stalled. Last week the envoy left.', '2025-12-10T12:00:00Z').dates;
    expect(d.map(({ text, iso, precision }) => [text, iso, precision])).toEqual([
      ['October', '2025-10', 'month'],
      ['September 2, 2025', '2025-09-02', 'day'],
      ['August 2025', '2025-08', 'month'],
      ['Last week', '2025-12-03', 'day'],
    ]);
  });

  it('drops dates it cannot place when the article has no published date', () => {
    const d = facts('In October the plan changed; the strike on September 2, 2025 came first.', null).dates;
    expect(d.map((x) => x.iso)).toEqual(['2025-09-02']);
  });
});
