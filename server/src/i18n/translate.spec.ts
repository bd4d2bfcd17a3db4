import { languageOf, translate } from './translate';

describe('translate', () => {
  it('gives the English id back with its placeholders filled, numbers as they are', () => {
    expect(
      translate('en', { message: 'Keep the search under {{max}} characters.', params: { max: 200 } }),
    ).toBe('Keep the search under 200 characters.');
    expect(
      translate('en', {
        message: 'is below the minimum annual royalty ({{minimum}}); the two cannot both hold',
        params: { minimum: 2000000 },
      }),
    ).toBe('is below the minimum annual royalty (2000000); the two cannot both hold');
  });

  it('translates into Chinese and fills the same placeholders with the same values', () => {
    expect(
      translate('zh-CN', { message: 'Keep the search under {{max}} characters.', params: { max: 200 } }),
    ).toBe('检索内容请控制在 200 个字符以内。');
    expect(
      translate('zh-CN', {
        message: 'The range ends ({{to}}) before it starts ({{from}}).',
        params: { to: '2026-01-01', from: '2026-06-30' },
      }),
    ).toBe('日期范围的结束日（2026-01-01）早于开始日（2026-06-30）。');
  });

  it('falls back to English for an id with no translation', () => {
    expect(translate('zh-CN', { message: 'No one translated {{this}}.', params: { this: 'me' } })).toBe(
      'No one translated me.',
    );
  });

  it('leaves what the user typed alone: no markup escaping, no nesting, no second interpolation', () => {
    const ipc = `<b>&"x"</b> $t(Sign in to do this.) {{ipc}}`;
    expect(
      translate('zh-CN', {
        message: '"{{ipc}}" is not an IPC class; write it like H01M 10/0562.',
        params: { ipc },
      }),
    ).toBe(`“${ipc}”不是有效的 IPC 分类号，请按 H01M 10/0562 的格式填写。`);
  });

  it('translates the messages inside a message: a name, alternatives, and sentences in a list', () => {
    const withdrawn = {
      message: '{{what}} is {{from}} and cannot become {{to}}.',
      params: {
        what: { message: 'The offer' },
        from: { message: 'withdrawn' },
        to: { message: 'published' },
      },
    };
    expect(translate('en', withdrawn)).toBe('The offer is withdrawn and cannot become published.');
    expect(translate('zh-CN', withdrawn)).toBe('该许可要约当前为“已撤回”状态，不能变为“已发布”。');

    const roles = {
      message: 'This needs the {{roles}} role.',
      params: { roles: { anyOf: [{ message: 'finance' }, { message: 'platform admin' }] } },
    };
    expect(translate('en', roles)).toBe('This needs the finance or platform admin role.');
    expect(translate('zh-CN', roles)).toBe('此操作需要财务或平台管理员角色。');

    const problems = {
      message: '{{count}} fields need attention: {{problems}}',
      params: {
        count: 3,
        problems: [
          { message: 'Give the filing date.' },
          { message: 'must not be empty' },
          { message: 'Keep this under {{max}} characters.', params: { max: 300 } },
        ],
      },
    };
    expect(translate('en', problems)).toBe(
      '3 fields need attention: Give the filing date. must not be empty Keep this under 300 characters.',
    );
    expect(translate('zh-CN', problems)).toBe(
      '有 3 处需要修改：请填写申请日。不能为空；请控制在 300 个字符以内。',
    );
  });

  it('tells which language a message comes out in: the one asked for if translated, else English', () => {
    const translated = { message: 'Sign in to do this.' };
    expect(languageOf('zh-CN', translated)).toBe('zh-CN');
    expect(languageOf('en', translated)).toBe('en');
    // An id without a translation, and English text stored before messages were ids.
    expect(languageOf('zh-CN', { message: 'No one translated {{this}}.', params: { this: 'me' } })).toBe(
      'en',
    );
    expect(languageOf('zh-CN', { message: 'CNY 1000.00 (UPFRONT) is due on 2027-03-01.' })).toBe('en');
  });
});
