import { longestChain } from './longestChain';
import { successorsOf } from './adjacency';
import { edges, nodesOf } from './testGraphs';

function chain(entries: string[], text: string) {
  const list = edges(text);
  return longestChain(entries, successorsOf(nodesOf(list), list));
}

describe('longestChain', () => {
  it('takes the longest branch of a diamond with a tail', () => {
    expect(chain(['a'], 'a>b a>c c>d d>e b>e e>f')).toEqual([
      'a',
      'c',
      'd',
      'e',
      'f',
    ]);
  });
  it('ends on a cycle without looping', () => {
    expect(chain(['a'], 'a>b b>c c>a c>d')).toEqual(['a', 'b', 'c', 'd']);
  });
  it('is a single node for a graph without edges', () => {
    expect(longestChain(['a'], new Map([['a', []]]))).toEqual(['a']);
  });
});
