import { readFileSync } from 'node:fs';
import path from 'node:path';
import { print } from 'graphql';
import { operationDocument } from './operation-document';

const SOURCE = `
query First { a { ...Shared ...OnlyFirst } }
query Second($id: ID!) { b(id: $id) { ...Shared } }
fragment Shared on T { id ...Nested }
fragment Nested on T { name }
fragment OnlyFirst on T { extra }
`;

describe('operationDocument', () => {
  it('takes the named operation with the fragments it uses, directly or through other fragments', () => {
    const document = operationDocument(SOURCE, 'Second');
    expect(print(document)).toBe(
      [
        'query Second($id: ID!) {\n  b(id: $id) {\n    ...Shared\n  }\n}',
        'fragment Shared on T {\n  id\n  ...Nested\n}',
        'fragment Nested on T {\n  name\n}',
      ].join('\n\n'),
    );
  });

  it('lists a fragment used twice once', () => {
    const names = operationDocument(SOURCE, 'First').definitions.map((definition) =>
      'name' in definition ? definition.name?.value : undefined,
    );
    expect(names).toEqual(['First', 'Shared', 'Nested', 'OnlyFirst']);
  });

  it('throws for an operation or a fragment that is not there', () => {
    expect(() => operationDocument(SOURCE, 'Third')).toThrow(
      'Operation Third is not in the operations file.',
    );
    expect(() => operationDocument('query X { ...Missing }', 'X')).toThrow(
      'Fragment Missing used by X is not defined.',
    );
  });
});

describe('the catalogue operations the client runs', () => {
  const source = readFileSync(
    path.resolve(__dirname, '../../../graphql/operations/catalogue.graphql'),
    'utf8',
  );

  it.each(['SearchPatents', 'PatentDetail'])('%s comes out with the PatentSummary fragment', (name) => {
    const names = operationDocument(source, name).definitions.map((definition) =>
      'name' in definition ? definition.name?.value : undefined,
    );
    expect(names).toEqual([name, 'PatentSummary']);
  });
});
