import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

export type GraphQLErrorShape = {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; fieldErrors?: { field: string; message: string }[] };
};
export type GraphQLResponse<T = Record<string, unknown>> = {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
};

const OPERATIONS_DIR = path.resolve(__dirname, '..', '..', 'graphql', 'operations');

let definitions: DefinitionNode[] | null = null;
function allDefinitions(): DefinitionNode[] {
  definitions ??= readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(path.join(OPERATIONS_DIR, f), 'utf8')).definitions);
  return definitions;
}

/** A named operation from graphql/operations, with the fragments it uses: the documents the web client sends. */
export function operation(name: string): string {
  const all = allDefinitions();
  const op = all.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!op) throw new Error(`no operation ${name} in graphql/operations`);
  const fragments = new Map(
    all
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const needed = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !needed.has(fragment.name.value)) {
          needed.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(op);
  return [op, ...needed.values()].map((d) => print(d)).join('\n');
}

/** Talks to /graphql over HTTP as a client would (JSON POST, bearer token). */
export class GraphQLTestClient {
  constructor(
    readonly endpoint: string,
    readonly token: string | null,
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  run<T = Record<string, unknown>>(
    operationName: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    return this.request<T>(operation(operationName), variables);
  }

  /** Runs and insists on success, returning the data. */
  async data<T = Record<string, unknown>>(
    queryOrOperation: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const query = /^\s*(query|mutation|subscription|\{)/.test(queryOrOperation)
      ? queryOrOperation
      : operation(queryOrOperation);
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data)
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  withToken(token: string | null): GraphQLTestClient {
    return new GraphQLTestClient(this.endpoint, token);
  }
}

export function errorCode(result: GraphQLResponse<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
