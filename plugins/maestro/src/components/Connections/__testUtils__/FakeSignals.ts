import { act } from '@testing-library/react';
import { SignalApi } from '@backstage/plugin-signals-react';

/** A signal API whose messages a test sends, as the backend would. */
export class FakeSignals implements SignalApi {
  private readonly handlers = new Map<string, Set<(message: any) => void>>();

  subscribe(channel: string, onMessage: (message: any) => void) {
    const set = this.handlers.get(channel) ?? new Set();
    set.add(onMessage);
    this.handlers.set(channel, set);
    return { unsubscribe: () => set.delete(onMessage) };
  }

  /** How many pages listen on the channel. */
  listeners(channel: string) {
    return this.handlers.get(channel)?.size ?? 0;
  }

  /** Delivers every message, one after the other, before React renders. */
  send(channel: string, ...messages: object[]) {
    act(() => {
      for (const message of messages) {
        this.handlers.get(channel)?.forEach(h => h(message));
      }
    });
  }
}
