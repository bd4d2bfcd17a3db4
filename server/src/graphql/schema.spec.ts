import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { buildApiSchema } from './schema';
import { printApiSchema } from './print-schema';

describe('the committed schema', () => {
  it('is exactly what the code emits (run `npm run schema:emit` after changing the API)', async () => {
    const committed = readFileSync(
      path.resolve(__dirname, '..', '..', '..', 'graphql', 'schema.graphql'),
      'utf8',
    );
    expect(committed).toBe(await printApiSchema());
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildApiSchema();
    const missing: string[] = [];
    const ours = Object.values(schema.getTypeMap()).filter(
      (t: GraphQLNamedType) =>
        !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
    );
    for (const type of ours) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) {
            for (const arg of field.args) {
              if (!arg.description && !['id', 'input', 'first', 'after'].includes(arg.name))
                missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      if (isEnumType(type) && ['Role', 'OrganizationKind', 'PatentState', 'PatentSort'].includes(type.name)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
