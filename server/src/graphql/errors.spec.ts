import { GraphQLError } from 'graphql';
import { AppError } from '../common/errors';
import { runInLocale } from '../i18n/request-locale';
import { formatError } from './errors';

const at = { path: ['signUp'], locations: [{ line: 1, column: 12 }] };
const formatted = (error: GraphQLError) => ({ message: error.message, ...at, extensions: error.extensions });
const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: at.path, originalError: original });

describe('formatError', () => {
  const refusal = new AppError('BAD_USER_INPUT', '{{count}} fields need attention: {{problems}}', {
    params: {
      count: 2,
      problems: [
        { message: 'Give the filing date.' },
        { message: 'Keep this under {{max}} characters.', params: { max: 300 } },
      ],
    },
    fieldErrors: [
      { field: 'filingDate', message: 'Give the filing date.' },
      { field: 'titleEn', message: 'Keep this under {{max}} characters.', params: { max: 300 } },
    ],
  });

  it('words our refusals in English outside a request, with the code and fields as thrown', () => {
    const error = resolverError(refusal);
    expect(formatError(formatted(error), error)).toEqual({
      message: '2 fields need attention: Give the filing date. Keep this under 300 characters.',
      ...at,
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'filingDate',
        fieldErrors: [
          { field: 'filingDate', message: 'Give the filing date.' },
          { field: 'titleEn', message: 'Keep this under 300 characters.' },
        ],
      },
    });
  });

  it('words them in the language of the request, changing neither code nor field', () => {
    const error = resolverError(refusal);
    expect(runInLocale('zh-CN', () => formatError(formatted(error), error))).toEqual({
      message: '有 2 处需要修改：请填写申请日。请控制在 300 个字符以内。',
      ...at,
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'filingDate',
        fieldErrors: [
          { field: 'filingDate', message: '请填写申请日。' },
          { field: 'titleEn', message: '请控制在 300 个字符以内。' },
        ],
      },
    });
  });

  it('masks an unexpected error in the language of the request', () => {
    const error = resolverError(new Error('connection reset by FerretDB at 10.0.0.3'));
    expect(runInLocale('zh-CN', () => formatError(formatted(error), error))).toEqual({
      message: '我们这边出了问题，已记录在案，请稍后再试。',
      path: at.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('passes graphql-js errors about the request through as they are, in English', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(runInLocale('zh-CN', () => formatError(formatted(error), error))).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      ...at,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
