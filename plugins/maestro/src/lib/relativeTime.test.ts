import { relativeTime } from './relativeTime';

describe('relativeTime', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  it.each([
    ['2025-06-01T11:59:30Z', '30 seconds ago'],
    ['2025-06-01T09:00:00Z', '3 hours ago'],
    ['2025-05-31T12:00:00Z', 'yesterday'],
    ['2025-05-11T12:00:00Z', '3 weeks ago'],
    ['2025-04-15T12:00:00Z', 'last month'],
    ['2024-01-01T00:00:00Z', 'last year'],
    ['2025-06-03T12:00:00Z', 'in 2 days'],
  ])('%s is %s', (iso, expected) => {
    expect(relativeTime(new Date(iso), now)).toBe(expected);
  });
});
