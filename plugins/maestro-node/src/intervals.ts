import { DiscoveryInterval } from './source';

const SECONDS: Record<DiscoveryInterval['period'], number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
  weeks: 604800,
};

/** An interval in milliseconds. */
export function intervalToMilliseconds(interval: DiscoveryInterval): number {
  return interval.every * SECONDS[interval.period] * 1000;
}
