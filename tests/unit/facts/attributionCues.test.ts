// Hand-written cases for the attribution rules added to raise the PolNeAR scores (issue #13, wave 3): asides between a
// name and its verb, adjuncts after a cue, dash signatures, questions before their cue, appositions, progressive cues,
// described speakers, coordinated reports, work titles, free relatives, clause subjects. Each names the rule it guards.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../electron/core/facts/extract';
import { expectAnchored } from './expectAnchored';

const quotes = (text: string) => {
  const f = extractFacts(text, { publishedAt: '2025-12-10' });
  expectAnchored(text, f);
  return f.quotes.map((q) => ({ text: q.text, source: q.source, speaker: q.speaker, cue: q.cue }));
};

describe('attribution cues and sources', () => {
  it('a short bracketed aside between a name and its verb does not hide the source', () => {
    const q = quotes('“We cannot have people deny the right to question them,” Rep. John Mica (R-Fla.) said.');
    expect(q).toEqual([expect.objectContaining({ text: 'We cannot have people deny the right to question them', source: 'Rep. John Mica', speaker: 'John Mica' })]);
  });

  it('a manner or time adjunct after “Q,” S said keeps the quote credited', () => {
    const q = quotes('“God forbid we ask the agency anything,” Gowdy said sarcastically.\n“I would,” Melanie said to the television.');
    expect(q.map((x) => [x.text, x.source])).toEqual([
      ['God forbid we ask the agency anything', 'Gowdy'],
      ['I would', 'Melanie'],
    ]);
  });

  it('a quote signed with a dash and a bare name is credited to that name', () => {
    const q = quotes('“He represents our greatest shame.” ― Sonya Herridge\n“Build a wall around him.” — Steve Quinlan.');
    expect(q.map((x) => [x.text, x.source])).toEqual([
      ['He represents our greatest shame', 'Sonya Herridge'],
      ['Build a wall around him', 'Steve Quinlan'],
    ]);
  });

  it('a question closing its quote does not end the sentence before “… S said”', () => {
    const q = quotes('“How many times do we have to see this?” Clinton said. “This is just unbearable.”');
    expect(q.map((x) => [x.text, x.source])).toEqual([
      ['How many times do we have to see this', 'Clinton'],
      ['This is just unbearable', 'Clinton'],
    ]);
  });

  it('an apposition between commas sits between the source and the cue, after a quote or before one', () => {
    const q = quotes('“He is absolutely right,” Flynn, a retired general, said Thursday.\nRucker Culpepper, who runs the veterans effort, said, “He is unfit to command.”');
    expect(q.map((x) => [x.text, x.source])).toEqual([
      ['He is absolutely right', 'Flynn'],
      ['He is unfit to command', 'Rucker Culpepper'],
    ]);
  });

  it('a speech verb in the progressive is a cue, also after a contracted pronoun', () => {
    const q = quotes('Donald Trump is telling a veterans group that the military is depleted and weak.\nHe’s claiming that voting fraud is a big problem in this country.');
    expect(q.map((x) => [x.text, x.source, x.cue])).toEqual([
      ['the military is depleted and weak', 'Donald Trump', 'telling'],
      ['voting fraud is a big problem in this country', 'He', 'claiming'],
    ]);
  });

  it('between a quote and its cue, any short noun phrase is the speaker', () => {
    const q = quotes('“If he thinks that makes him smart,” the ad’s narrator says.');
    expect(q).toEqual([expect.objectContaining({ text: 'If he thinks that makes him smart', source: 'the ad’s narrator' })]);
  });

  it('a report ends where “, and he noted …” opens a report with its own subject', () => {
    const q = quotes('Don Fowler said the politics around the ticket would be more intense, and he noted that any change would come later in the season.');
    expect(q.map((x) => [x.text, x.source, x.cue])).toEqual([
      ['the politics around the ticket would be more intense', 'Don Fowler', 'said'],
      ['any change would come later in the season', 'he', 'noted'],
    ]);
  });

  it('a quoted title in Title Case is no quote, and a clause never opens with a time word', () => {
    const q = quotes('Flynn said Thursday morning on Fox News’s “Fox and Friends” that he trusted the generals.');
    expect(q.map((x) => x.text)).not.toContain('Fox and Friends');
    expect(q.some((x) => x.text.startsWith('Thursday'))).toBe(false);
  });

  it('a free relative (“what S says”, “everything S says”) credits nothing', () => {
    expect(quotes('Everything Trump says is a lie unless proven otherwise.')).toEqual([]);
    expect(quotes('The debate over what Trump says his tax plan would do has endured all year.')).toEqual([]);
  });

  it('a participle after the main clause takes the clause’s subject, not the nearest name', () => {
    const q = quotes('During a speech earlier in the day, Trump attacked Clinton over her votes on Iraq and Libya, saying, “She is trigger-happy and very unstable.”');
    expect(q).toEqual([expect.objectContaining({ text: 'She is trigger-happy and very unstable', source: 'Trump' })]);
    // A name with a connector is one subject.
    const r = quotes('Secretary of State Marco Rubio reinforced the urgency of the strikes, stating, “We are facing a foreign-backed regime.”');
    expect(r).toEqual([expect.objectContaining({ source: 'Secretary of State Marco Rubio', speaker: 'Marco Rubio', cue: 'stating' })]);
  });

  it('a speech participle after a credited quote opens more words by the same speaker', () => {
    const q = quotes('“We do not see a link to terrorism,” the mayor said, adding that it would take more hours before details emerge.');
    expect(q.map((x) => [x.text, x.source, x.cue])).toEqual([
      ['We do not see a link to terrorism', 'the mayor', 'said'],
      ['it would take more hours before details emerge', 'the mayor', 'adding'],
    ]);
  });

  it('“told OBJECT he …”: the pronoun subject shows where the reported clause starts', () => {
    const q = quotes('Donald Trump told the forum he was totally against the war in Iraq.');
    expect(q).toEqual([expect.objectContaining({ text: 'he was totally against the war in Iraq', source: 'Donald Trump', cue: 'told' })]);
  });

  it('“S told OBJECT, “Q””: a tell verb and its short object before the quote', () => {
    const q = quotes('Mook told CBS, “We’re really focused on this opportunity.”');
    expect(q).toEqual([expect.objectContaining({ text: 'We’re really focused on this opportunity', source: 'Mook', cue: 'told' })]);
  });

  it('a cue coordinated by “and” shares the main clause’s subject', () => {
    const q = quotes('Maria Lopez then urges her husband to come out of the car and repeatedly says, “Don’t you do it.”');
    expect(q).toEqual([expect.objectContaining({ text: 'Don’t you do it', source: 'Maria Lopez' })]);
  });

  it('an age or a title phrase around the name does not hide the source', () => {
    const q = quotes('“They are trying to slap us in the face,” Quina Jones, 25, said.\nDemocratic nominee Hillary Clinton, at a later press gaggle, said, “I have been briefed.”');
    expect(q.map((x) => [x.text, x.source])).toEqual([
      ['They are trying to slap us in the face', 'Quina Jones'],
      ['I have been briefed', 'Democratic nominee Hillary Clinton'],
    ]);
  });

  it('inverted “Said S: “Q””, a paragraph opened by a mistyped closing mark, and shouted words', () => {
    const q = quotes('Said Ellis: “I don’t get the sense she is interested.”\n”Fear. I am truly afraid.” ― Edwin Monroy\n“Did you shoot him?” she yells.');
    expect(q.map((x) => [x.text, x.source])).toEqual([
      ['I don’t get the sense she is interested', 'Ellis'],
      ['Fear. I am truly afraid', 'Edwin Monroy'],
      ['Did you shoot him', 'she'],
    ]);
  });

  it('he/she prefers the subject of an earlier sentence over a person named later in it', () => {
    const q = quotes('Norman Ham spoke at length about President Barack Obama.\nHe said the budget cuts hurt training and readiness.');
    expect(q).toEqual([expect.objectContaining({ source: 'He', speaker: 'Norman Ham' })]);
  });
});
