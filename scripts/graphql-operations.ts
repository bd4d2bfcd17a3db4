import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

let definitions: DefinitionNode[] | null = null;

function allDefinitions(): DefinitionNode[] {
  // From scripts/ (tsx, jest) or dist/scripts/ (compiled): the project root is the folder holding package.json.
  const root = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((dir) =>
    existsSync(path.join(dir, 'package.json')),
  );
  const dir = path.join(root ?? process.cwd(), 'graphql', 'operations');
  definitions ??= readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')).definitions);
  return definitions;
}

/**
 * A named operation from graphql/operations with the fragments it spreads: the exact document the web client
 * sends. The tests and the benchmark both send these.
 */
export function operationDocument(name: string): string {
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
