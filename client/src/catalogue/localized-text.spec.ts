import { otherLanguageText, pickLocalizedText } from './localized-text';

describe('pickLocalizedText', () => {
  const both = { en: 'Lithium battery', zh: '锂电池' };

  it('gives the text in the interface language, with no lang of its own', () => {
    expect(pickLocalizedText('en', both)).toEqual({ text: 'Lithium battery', lang: undefined });
    expect(pickLocalizedText('zh-CN', both)).toEqual({ text: '锂电池', lang: undefined });
  });

  it('falls back to the other language and says which one it is', () => {
    expect(pickLocalizedText('zh-CN', { en: 'Lithium battery', zh: null })).toEqual({
      text: 'Lithium battery',
      lang: 'en',
    });
    expect(pickLocalizedText('en', { en: '', zh: '锂电池' })).toEqual({ text: '锂电池', lang: 'zh-CN' });
  });

  it('gives nothing when neither language has a text', () => {
    expect(pickLocalizedText('en', { en: null, zh: undefined })).toBeNull();
  });
});

describe('otherLanguageText', () => {
  it('gives the text in the language the interface is not in', () => {
    expect(otherLanguageText('en', { en: 'Lithium battery', zh: '锂电池' })).toEqual({
      text: '锂电池',
      lang: 'zh-CN',
    });
    expect(otherLanguageText('zh-CN', { en: 'Lithium battery', zh: '锂电池' })).toEqual({
      text: 'Lithium battery',
      lang: 'en',
    });
    expect(otherLanguageText('en', { en: 'Lithium battery', zh: null })).toBeNull();
  });
});
