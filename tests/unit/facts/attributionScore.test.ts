// The fixture README's scoring rule, as the benchmark applies it (tests/helpers/facts/attributionScore.ts).
import { describe, expect, it } from 'vitest';
import { parseBrat } from '../../helpers/facts/attributionCorpus';
import { baselineAttributions } from '../../helpers/facts/attributionBaseline';
import { rates, scoreArticle } from '../../helpers/facts/attributionScore';

const gold = [
  { content: '“We will not back down from this fight,”', source: 'Senator Jane Holloway' },
  { content: 'the talks would resume next week', source: 'she' },
  { content: 'the border would stay closed', source: null },
];

describe('attribution scoring rule', () => {
  it('a prediction is correct with ≥ 60% of its tokens in one gold content and a shared non-function source word', () => {
    const s = scoreArticle([{ text: 'We will not back down from this fight', source: 'Holloway', speaker: 'Jane Holloway' }], gold);
    expect(s).toMatchObject({ predictions: 1, correct: 1, goldDirect: 1, goldDirectRecalled: 1, goldSourced: 2, goldSourcedRecalled: 1 });
    // Same words, wrong source: not correct. Source shares only a function word ("the"): not correct.
    expect(scoreArticle([{ text: 'We will not back down from this fight', source: 'the mayor', speaker: null }], gold).correct).toBe(0);
    // Under 60% of the prediction inside the gold content: not correct.
    expect(scoreArticle([{ text: 'We will not back down and then something else entirely different here', source: 'Holloway', speaker: null }], gold).correct).toBe(0);
  });

  it('a pronoun-only gold source needs that pronoun; a source-less gold attribution credits nobody', () => {
    expect(scoreArticle([{ text: 'the talks would resume next week', source: 'she', speaker: 'Anna Berg' }], gold).correct).toBe(1);
    expect(scoreArticle([{ text: 'the talks would resume next week', source: 'Anna Berg', speaker: 'Anna Berg' }], gold).correct).toBe(0);
    expect(scoreArticle([{ text: 'the border would stay closed', source: 'officials', speaker: null }], gold).correct).toBe(0);
  });

  it('recall needs the correct predictions to cover at least half of the gold content', () => {
    const under = scoreArticle([{ text: 'We will not', source: 'Holloway', speaker: null }], gold);
    expect(under.correct).toBe(1);
    expect(under.goldDirectRecalled).toBe(0); // 3 of 8 content tokens
    const more = scoreArticle([{ text: 'We will not back', source: 'Holloway', speaker: null }], gold); // 4 of 8: 50%
    expect(more.goldDirectRecalled).toBe(1);
    expect(rates(more)).toEqual({ precision: 1, directRecall: 1, sourcedRecall: 0.5 });
  });

  it('reads BRAT standoff with discontinuous spans and source-less relations', () => {
    const text = '“Part one,” she said, “part two.” Rain fell, reports said.';
    const ann = ['T1\tContent 1 9;23 31\tPart one part two', 'T2\tSource 12 15\tshe', 'T3\tCue 16 20\tsaid', 'T4\tAttribution 16 20\tsaid', 'E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2', 'T5\tContent 34 43\tRain fell', 'T6\tAttribution 45 49\treports', 'E2\tAttribution:T6 Content:T5'].join('\n');
    expect(parseBrat(ann, text)).toEqual([{ content: 'Part one part two', source: 'she' }, { content: 'Rain fell', source: null }]);
  });

  it('the baseline finds the three classic patterns', () => {
    const found = baselineAttributions('“Taxes will rise,” said Maria Lopez. “They will not,” he said. Tom Reyes said: “We disagree.”');
    expect(found.map((f) => [f.text, f.source])).toEqual([
      ['Taxes will rise', 'Maria Lopez'],
      ['They will not', 'he'],
      ['We disagree', 'Tom Reyes'],
    ]);
  });
});
