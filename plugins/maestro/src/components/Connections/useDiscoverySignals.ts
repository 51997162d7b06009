import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';

/** The backend's signal channel of discovery progress and outcomes. */
export const DISCOVERY_CHANNEL = 'maestro:discovery';

/** What the backend says of a discovery task while and after it runs. */
export type DiscoverySignal = {
  connectionId: string;
  task: string;
  state: 'running' | 'finished';
  message?: string;
  seen?: number;
  outcome?: 'success' | 'warning' | 'danger';
};

/**
 * Calls `onSignal` for every discovery signal. Unlike `useSignal`, which
 * keeps only the last message, no message is lost when several arrive
 * between two renders (e.g. one connection's "finished" right after
 * another's progress). Returns whether signals reach this page at all.
 */
export function useDiscoverySignals(
  onSignal: (signal: DiscoverySignal) => void,
): boolean {
  const signals = useApiHolder().get(signalApiRef);
  const handler = useRef(onSignal);
  handler.current = onSignal;
  useEffect(() => {
    if (!signals) return undefined;
    const subscription = signals.subscribe<DiscoverySignal>(
      DISCOVERY_CHANNEL,
      message => handler.current(message),
    );
    return () => subscription.unsubscribe();
  }, [signals]);
  return !!signals;
}
