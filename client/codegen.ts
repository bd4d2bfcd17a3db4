import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the operations in graphql/operations/, generated into client/src/graphql/generated/ (not
// tracked: `npm run codegen` writes it, and build:client, dev:client and typecheck run it first). Each operation
// becomes a TypedDocumentNode carrying only the fragments it uses, which is what the server accepts.
const config: CodegenConfig = {
  schema: 'graphql/schema.graphql',
  documents: ['graphql/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/graphql/generated/': {
      preset: 'client',
      // Plain result types: the pages read what their operation selected, without fragment masking.
      presetConfig: { fragmentMasking: false, gqlTagName: 'gql' },
      config: {
        // String unions, so API values compare with plain strings and serve as keys of translation records.
        enumsAsTypes: true,
        // Every scalar must be mapped: a new one fails the generation instead of becoming `any`.
        strictScalars: true,
        scalars: {
          SafeInt: 'number',
          DateTimeISO: 'string',
          ID: 'string',
        },
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: true,
        dedupeFragments: true,
      },
    },
  },
};

export default config;
