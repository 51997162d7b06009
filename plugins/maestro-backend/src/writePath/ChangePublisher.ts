import { EventsService } from '@backstage/plugin-events-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { MAESTRO_CHANGES_TOPIC } from '@maestro/plugin-maestro-common';
import { StoredRecord } from '../store/types';

/** Signal channel for pages that show records live. */
export const MAESTRO_RECORDS_CHANNEL = 'maestro:records';

/** Announces committed changes: to the catalog feed and to open pages. */
export interface ChangePublisher {
  published(records: StoredRecord[]): Promise<void>;
}

export class EventsChangePublisher implements ChangePublisher {
  constructor(
    private readonly events?: EventsService,
    private readonly signals?: SignalsService,
  ) {}

  async published(records: StoredRecord[]): Promise<void> {
    const seq = Math.max(...records.map(r => r.seq));
    await this.events?.publish({
      topic: MAESTRO_CHANGES_TOPIC,
      eventPayload: { seq },
    });
    // One signal per batch: a page refreshes once, not once per record.
    await this.signals?.publish({
      recipients: { type: 'broadcast' },
      channel: MAESTRO_RECORDS_CHANNEL,
      message: {
        seq,
        count: records.length,
        refs: records.slice(0, 100).map(r => r.entityRef),
      },
    });
  }
}
