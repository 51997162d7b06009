import { articulationPoints } from './articulationPoints';
import { neighboursOf } from './adjacency';
import { edges, nodesOf } from './testGraphs';

function points(text: string) {
  const list = edges(text);
  return articulationPoints(neighboursOf(nodesOf(list), list)).sort();
}

describe('articulationPoints', () => {
  it('finds the middle of a chain', () => {
    expect(points('a>b b>c c>d')).toEqual(['b', 'c']);
  });
  it('finds none in a ring, whatever the directions', () => {
    expect(points('a>b b>c a>c')).toEqual([]);
    expect(points('a>b b>c c>d d>a')).toEqual([]);
  });
  it('finds the knot of a bow tie and the hub of a star', () => {
    expect(points('a>b b>c c>a c>d d>e e>c')).toEqual(['c']);
    expect(points('hub>a hub>b hub>c')).toEqual(['hub']);
  });
  it('finds the bridge ends between two rings, ignoring self-loops', () => {
    expect(points('a>b b>c c>a c>d d>e e>f f>d a>a')).toEqual(['c', 'd']);
  });
  it('handles a 20,000-node chain without overflowing the stack', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `n${i}>n${i + 1}`);
    expect(points(text.join(' '))).toHaveLength(19999);
  });
});
