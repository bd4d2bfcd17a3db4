import { operationDocument } from '../../scripts/graphql-operations';

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

/** A named operation from graphql/operations, with the fragments it uses: the documents the web client sends. */
export const operation = operationDocument;

/** Talks to /graphql over HTTP as a client would (JSON POST, bearer token). */
export class GraphQLTestClient {
  constructor(
    readonly endpoint: string,
    readonly token: string | null,
    readonly headers: Readonly<Record<string, string>> = {},
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
        ...this.headers,
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
    return new GraphQLTestClient(this.endpoint, token, this.headers);
  }

  /** The same client sending these headers too, such as `{ 'accept-language': 'zh-CN' }`. */
  withHeaders(headers: Record<string, string>): GraphQLTestClient {
    return new GraphQLTestClient(this.endpoint, this.token, { ...this.headers, ...headers });
  }
}

export function errorCode(result: GraphQLResponse<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
