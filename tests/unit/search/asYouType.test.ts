import { describe, expect, it } from 'vitest';
import { asYouTypeQuery } from '../../../shared/search/asYouType';

describe('asYouTypeQuery', () => {
  it('makes the unfinished last word a prefix', () => {
    expect(asYouTypeQuery('dredg')).toBe('dredg*');
    expect(asYouTypeQuery('port dredg')).toBe('port dredg*');
    expect(asYouTypeQuery('São Pau')).toBe('São Pau*');
  });

  it('leaves finished words, phrases, filters, operators and exclusions alone', () => {
    for (const typed of ['', 'port ', '"money laund', '"money laundering"', 'tag:ports', 'launder*', 'a OR', '-bank', 'x:y', '東京']) {
      expect(asYouTypeQuery(typed), typed).toBe(typed);
    }
  });

  it('waits for three characters before treating a word as a prefix', () => {
    expect(asYouTypeQuery('d')).toBe('d');
    expect(asYouTypeQuery('dr')).toBe('dr');
    expect(asYouTypeQuery('dre')).toBe('dre*');
    expect(asYouTypeQuery('東京都')).toBe('東京都*');
  });
});
