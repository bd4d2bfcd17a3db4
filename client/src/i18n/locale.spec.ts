import { localeForLanguageTag } from './locale';

describe('localeForLanguageTag', () => {
  it('gives Simplified Chinese for any Chinese', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-TW', 'ZH-hk'])
      expect(localeForLanguageTag(tag)).toBe('zh-CN');
  });

  it('gives English for any English', () => {
    for (const tag of ['en', 'en-US', 'en-GB']) expect(localeForLanguageTag(tag)).toBe('en');
  });

  it('gives nothing for a language we do not have, nor for one that merely starts like ours', () => {
    for (const tag of ['fr-FR', 'de', 'zha', 'eng', '']) expect(localeForLanguageTag(tag)).toBeNull();
  });
});
