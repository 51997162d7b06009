import { findCycles } from './stronglyConnected';
import { successorsOf } from './adjacency';
import { edges, nodesOf } from './testGraphs';

function cycles(text: string) {
  const list = edges(text);
  return findCycles(successorsOf(nodesOf(list), list)).map(c => c.sort());
}

describe('findCycles', () => {
  it('finds none in a tree or a diamond', () => {
    expect(cycles('a>b a>c b>d c>d')).toEqual([]);
  });
  it('finds each ring once, leaving self-dependencies to the collector', () => {
    expect(cycles('a>b b>c c>a c>d d>d')).toEqual([['a', 'b', 'c']]);
    expect(cycles('a>b b>a c>d d>e e>c a>c').sort()).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });
  it('handles a ring of 20,000 nodes', () => {
    const text = Array.from(
      { length: 20000 },
      (_, i) => `n${i}>n${(i + 1) % 20000}`,
    );
    const found = cycles(text.join(' '));
    expect(found).toHaveLength(1);
    expect(found[0]).toHaveLength(20000);
  });
});
