import { GraphEdge } from './types';

/** Edges from `'a>b b>c'`, for tests that draw small graphs by hand. */
export function edges(text: string): GraphEdge[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map(pair => {
      const [source, target] = pair.split('>');
      return { source, target };
    });
}

export function nodesOf(list: GraphEdge[]): string[] {
  return [...new Set(list.flatMap(e => [e.source, e.target]))];
}
