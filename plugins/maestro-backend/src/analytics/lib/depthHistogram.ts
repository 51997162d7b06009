/** Nodes per depth: index 0 holds the entries, 1 their dependencies, ... */
export function depthHistogram(depths: number[]): number[] {
  const histogram: number[] = [];
  for (const depth of depths) {
    while (histogram.length <= depth) histogram.push(0);
    histogram[depth]++;
  }
  return histogram;
}
