import { PatentModel } from '../../server/src/modules/patents/patent.model';
import type { GraphQLResponse, GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { batteryPatent, founder, smeInput, universityInput, type Actor } from './fixtures/actors';

let server: TestServer;
let anonymous: GraphQLTestClient;
let tto: Actor;
let sme: Actor;

const CHINESE = { 'accept-language': 'zh-CN' };

beforeAll(async () => {
  server = await startTestServer();
  anonymous = server.client();
  tto = await founder(anonymous, 'tto', universityInput('Northwest Polytechnic University'));
  sme = await founder(anonymous, 'sme', smeInput('Shenzhen Cell Works'));
});

afterAll(async () => {
  await server.stop();
});

/** What a refusal says and names, without where in the query it happened. */
function refusal(result: GraphQLResponse) {
  expect(result.errors).toHaveLength(1);
  const [{ message, extensions }] = result.errors ?? [];
  return { message, ...extensions };
}

describe('the language of error messages', () => {
  it('answers the same bad patent in English without Accept-Language and in Chinese with zh-CN, same code and fields', async () => {
    const before = await PatentModel.countDocuments();
    const variables = {
      institutionId: tto.organizationId,
      input: {
        ...batteryPatent,
        filingDate: '2023-02-01',
        expiryDate: '2020-01-01',
        trl: 12,
        ipcClasses: ['H01M10'],
      },
    };

    const english = await tto.client.run('CreatePatent', variables);
    const chinese = await tto.client.withHeaders(CHINESE).run('CreatePatent', variables);

    expect(refusal(english)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'expiryDate',
      message:
        '3 fields need attention: The expiry date must be after the filing date. ' +
        'The technology readiness level runs from 1 to 9. "H01M10" is not an IPC class; write it like H01M 10/0562.',
      fieldErrors: [
        { field: 'expiryDate', message: 'The expiry date must be after the filing date.' },
        { field: 'trl', message: 'The technology readiness level runs from 1 to 9.' },
        { field: 'ipcClasses[0]', message: '"H01M10" is not an IPC class; write it like H01M 10/0562.' },
      ],
    });
    expect(refusal(chinese)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'expiryDate',
      message:
        '有 3 处需要修改：届满日必须晚于申请日。技术成熟度等级的取值范围为 1 至 9。' +
        '“H01M10”不是有效的 IPC 分类号，请按 H01M 10/0562 的格式填写。',
      fieldErrors: [
        { field: 'expiryDate', message: '届满日必须晚于申请日。' },
        { field: 'trl', message: '技术成熟度等级的取值范围为 1 至 9。' },
        { field: 'ipcClasses[0]', message: '“H01M10”不是有效的 IPC 分类号，请按 H01M 10/0562 的格式填写。' },
      ],
    });
    expect(english.errors?.[0].path).toEqual(chinese.errors?.[0].path);
    expect(await PatentModel.countDocuments()).toBe(before);
  });

  it('takes the most preferred language the API speaks, and English for any it does not', async () => {
    const ask = (acceptLanguage: string) =>
      anonymous.withHeaders({ 'accept-language': acceptLanguage }).run('Me');
    expect(refusal(await anonymous.run('Me'))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Sign in to do this.',
    });
    for (const header of ['zh', 'zh-Hans-CN', 'fr-FR, zh-CN;q=0.5', 'zh-CN,zh;q=0.9,en;q=0.8'])
      expect(refusal(await ask(header))).toEqual({
        code: 'UNAUTHENTICATED',
        message: '请先登录再执行此操作。',
      });
    for (const header of ['en-US', 'zh-TW', 'en-US,en;q=0.9,zh-CN;q=0.8', 'de'])
      expect(refusal(await ask(header))).toEqual({ code: 'UNAUTHENTICATED', message: 'Sign in to do this.' });
  });

  it('translates the names inside a message: roles and states', async () => {
    const forbidden = await sme.client.withHeaders(CHINESE).run('CreatePatent', {
      institutionId: sme.organizationId,
      input: batteryPatent,
    });
    expect(refusal(forbidden)).toEqual({ code: 'FORBIDDEN', message: '此操作需要技术转移办公室经理角色。' });

    const { createPatent } = await tto.client.data<{ createPatent: { id: string } }>('CreatePatent', {
      institutionId: tto.organizationId,
      input: batteryPatent,
    });
    await tto.client.data('PublishPatent', { id: createPatent.id });
    const again = { id: createPatent.id };
    expect(refusal(await tto.client.run('PublishPatent', again))).toEqual({
      code: 'INVALID_STATE_TRANSITION',
      message: 'The patent is published and cannot become published.',
    });
    expect(refusal(await tto.client.withHeaders(CHINESE).run('PublishPatent', again))).toEqual({
      code: 'INVALID_STATE_TRANSITION',
      message: '该专利当前为“已发布”状态，不能变为“已发布”。',
    });
  });

  it('answers a malformed request body and a CSV report refusal in the same language', async () => {
    const malformed = (headers: Record<string, string>) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"query": ',
      });
    const english = await malformed({});
    const chinese = await malformed(CHINESE);
    expect([english.status, chinese.status]).toEqual([400, 400]);
    expect(chinese.headers.get('vary')).toMatch(/accept-language/i);
    expect(await english.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(await chinese.json()).toEqual({
      errors: [{ message: '请求正文不是有效的 JSON。', extensions: { code: 'BAD_REQUEST' } }],
    });

    const csv = await fetch(`${server.url}/reports/ageing.csv`, {
      headers: { authorization: `Bearer ${tto.token}`, ...CHINESE },
    });
    expect(csv.status).toBe(400);
    expect(await csv.json()).toEqual({
      errors: [{ message: '必须提供 asOf。', extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } }],
    });
  });
});
