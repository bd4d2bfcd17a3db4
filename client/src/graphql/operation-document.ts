import type { TypedDocumentNode } from '@apollo/client';
import { Kind, parse, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';

/**
 * Takes one named operation, with the fragments it spreads, out of a file of graphql/operations/. Apollo Client runs
 * one operation per document, and the server rejects a document carrying fragments its operation does not use.
 */
export function operationDocument<TData, TVariables extends Record<string, unknown>>(
  source: string,
  operationName: string,
): TypedDocumentNode<TData, TVariables> {
  const { definitions } = parse(source);
  const operation = definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.name?.value === operationName,
  );
  if (!operation) throw new Error(`Operation ${operationName} is not in the operations file.`);

  const fragments = new Map(
    definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const used = new Map<string, FragmentDefinitionNode>();
  const collectSpreads = (node: DefinitionNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`Fragment ${name} used by ${operationName} is not defined.`);
        if (used.has(name)) return;
        used.set(name, fragment);
        collectSpreads(fragment);
      },
    });
  };
  collectSpreads(operation);

  return { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] };
}
