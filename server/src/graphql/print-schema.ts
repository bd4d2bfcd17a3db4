import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './schema';

/** The schema as committed in graphql/schema.graphql: sorted, so that the file changes only when the API does. */
export async function printApiSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
}
