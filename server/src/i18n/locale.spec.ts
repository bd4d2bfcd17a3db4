import { negotiateLocale } from './locale';

describe('negotiateLocale', () => {
  it('answers in English without a header, or with one that asks for nothing we have', () => {
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale('fr-FR, de;q=0.8')).toBe('en');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
  });

  it('answers in Simplified Chinese to zh, zh-CN and zh-Hans in any case', () => {
    for (const header of ['zh', 'zh-CN', 'ZH-cn', 'zh-Hans', 'zh-Hans-CN', 'zh-hans-SG'])
      expect(negotiateLocale(header)).toBe('zh-CN');
  });

  it('does not give Simplified Chinese to Traditional, nor to a language that merely starts like it', () => {
    for (const header of ['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-TW', 'zha', 'zh-Hansx'])
      expect(negotiateLocale(header)).toBe('en');
  });

  it('takes the most preferred language it has, by quality and then by order', () => {
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('en;q=0.8, zh-CN')).toBe('zh-CN');
    expect(negotiateLocale('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(negotiateLocale('fr-FR, zh-CN;q=0.5')).toBe('zh-CN');
    expect(negotiateLocale('zh-TW, zh-CN;q=0.9, en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('zh-CN;q=0.5, en;q=0.5')).toBe('zh-CN');
    expect(negotiateLocale('zh-CN;q=0.5, *;q=0.9')).toBe('en');
  });

  it('never takes a language refused with q=0 or given a quality it cannot read', () => {
    expect(negotiateLocale('zh-CN;q=0')).toBe('en');
    expect(negotiateLocale('zh-CN;q=abc')).toBe('en');
    expect(negotiateLocale('zh-CN;q=1.5')).toBe('en');
    expect(negotiateLocale('zh-CN ; Q = 0.7')).toBe('zh-CN');
  });

  it('reads a header sent as several lines', () => {
    expect(negotiateLocale(['fr', 'zh-CN;q=0.4'])).toBe('zh-CN');
  });
});
