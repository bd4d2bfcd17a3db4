type Connection = { edges: readonly { node: { id: string } }[] };

/**
 * A connection with its next page appended to what is shown: the server's totals and page info are the newer
 * page's, and a node already shown (pushed down by one that arrived since) is not listed twice.
 */
export function appendConnectionPage<C extends Connection>(shown: C, next: C): C {
  const seen = new Set(shown.edges.map((edge) => edge.node.id));
  return { ...next, edges: [...shown.edges, ...next.edges.filter((edge) => !seen.has(edge.node.id))] };
}
