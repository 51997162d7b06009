import { randomFor } from './random';

describe('randomFor', () => {
  it('gives the same stream for the same seed and key', () => {
    const draw = (seed: number, key: string) => {
      const rng = randomFor(seed, key);
      return [
        rng.next(),
        rng.int(50, 1000),
        rng.hex(17),
        rng.pick(['a', 'b', 'c']),
      ];
    };
    expect(draw(6, 'server:i-1')).toEqual(draw(6, 'server:i-1'));
    expect(draw(6, 'server:i-1')).not.toEqual(draw(6, 'server:i-2'));
    expect(draw(6, 'server:i-1')).not.toEqual(draw(7, 'server:i-1'));
  });

  it('stays within its ranges and reaches both ends', () => {
    const rng = randomFor(1, 'range');
    const ints = Array.from({ length: 5000 }, () => rng.int(1, 6));
    expect(Math.min(...ints)).toBe(1);
    expect(Math.max(...ints)).toBe(6);
    expect(rng.hex(17)).toMatch(/^[0-9a-f]{17}$/);
    for (let i = 0; i < 1000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
