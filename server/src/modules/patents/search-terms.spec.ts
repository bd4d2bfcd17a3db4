import { documentTerms, queryTerms, stemEnglish } from './search-terms';

describe('search terms', () => {
  it('indexes Chinese as bigrams and single characters, so 电池 finds 锂电池', () => {
    const terms = documentTerms('一种锂电池');
    expect(terms).toEqual(expect.arrayContaining(['锂电', '电池', '锂', '电', '池', '一种']));
    expect(queryTerms('电池')).toEqual(['电池']);
    expect(queryTerms('电池').every((t) => terms.includes(t))).toBe(true);
  });

  it('turns a Chinese query into its bigrams, and a single character into itself', () => {
    expect(queryTerms('固态电池')).toEqual(['固态', '态电', '电池']);
    expect(queryTerms('锂')).toEqual(['锂']);
  });

  it('folds case and width, drops stop words and meets plurals with their singular', () => {
    expect(queryTerms('The BATTERIES of ＥＶ')).toEqual(['battery', 'ev']);
    expect(documentTerms('A battery cell')).toEqual(['battery', 'cell']);
    expect(stemEnglish('batteries')).toBe('battery');
    expect(stemEnglish('processes')).toBe('process');
    expect(stemEnglish('glass')).toBe('glass');
    expect(stemEnglish('cells')).toBe('cell');
    expect(stemEnglish('5g')).toBe('5g');
  });

  it('indexes mixed English and Chinese text', () => {
    expect(queryTerms('solid-state 电解质')).toEqual(['solid', 'state', '电解', '解质']);
    expect(documentTerms('Solid-state 电解质')).toEqual(['solid', 'state', '电', '解', '质', '电解', '解质']);
  });
});
