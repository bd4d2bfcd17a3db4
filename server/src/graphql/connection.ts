import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { decodeOffsetCursor, encodeOffsetCursor, pageSize } from '../common/connection';
import { PageInfo } from './common.types';

export type ConnectionShape<T> = {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
};

/** A Relay-style connection type for a node type: `<Name>Connection` with `<Name>Edge`s. */
export function connectionOf<T extends object>(
  Node: ClassType<T>,
  name: string,
  what: string,
): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to continue after this item.' })
    cursor!: string;

    @Field(() => Node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class Connection {
    @Field(() => Int, { description: `How many ${what}s there are in all.` })
    totalCount!: number;

    @Field(() => [Edge], { description: `The ${what}s on this page.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}

/** Pages an already ordered list held in memory (small lists: members, an institution's patents). */
export function pageOfList<T, N>(
  items: T[],
  args: { first?: number | null; after?: string | null },
  scope: string,
  toNode: (item: T) => N,
): ConnectionShape<N> {
  const first = pageSize(args.first);
  const offset = decodeOffsetCursor(args.after, scope);
  const page = items.slice(offset, offset + first);
  return {
    totalCount: items.length,
    edges: page.map((item, i) => ({ cursor: encodeOffsetCursor(offset + i + 1, scope), node: toNode(item) })),
    pageInfo: {
      hasNextPage: offset + first < items.length,
      endCursor: page.length > 0 ? encodeOffsetCursor(offset + page.length, scope) : null,
    },
  };
}
