import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { gathersFrom } from '../processor/maestroRelationFields';
import {
  sharedTargetRefreshKey,
  sharedTargetsOf,
} from '../processor/SharedTargetRelations';

/** Members looked up per query; well below every database's bind limit. */
const CHUNK = 500;

/**
 * Asks the catalog to process again the shared entities (datacenters,
 * owners, images, flavors, networks) whose members changed, so that each
 * gathers them. A shared entity is asked for only when one of its reverse
 * relations in the catalog is missing or stale: a record that was updated
 * in place costs it nothing. The request waits a little and covers every
 * page published meanwhile: the members, queued first, are then processed
 * first, and a shared entity is processed once for many of them.
 */
export class SharedTargetRefresher {
  private readonly pending = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      connection: EntityProviderConnection;
      /** The catalog's database, whose relations show what is gathered. */
      knex: Knex;
      logger: LoggerService;
      delayMs: number;
    },
  ) {}

  /**
   * Notes the shared entities whose reverse relations no longer match the
   * entities just published or removed. Never throws: what it misses, the
   * catalog's processing interval catches up.
   */
  async published(added: Entity[], removedRefs: string[]): Promise<void> {
    try {
      const expected = new Map<string, Set<string>>();
      for (const entity of added) {
        expected.set(
          stringifyEntityRef(entity),
          new Set(sharedTargetsOf(entity).map(t => relationKey(t))),
        );
      }
      for (const ref of removedRefs) {
        expected.set(ref, new Set());
      }
      const present = await this.reverseRelationsOf([...expected.keys()]);
      for (const [memberRef, wanted] of expected) {
        const found = present.get(memberRef) ?? new Set<string>();
        for (const key of symmetricDifference(wanted, found)) {
          this.pending.add(key.slice(key.indexOf(' ') + 1));
        }
      }
    } catch (error) {
      this.options.logger.warn(
        `Finding the shared entities to refresh failed: ${stringifyError(
          error,
        )}`,
      );
    }
    if (this.pending.size > 0 && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
      // A pending refresh must not keep a stopping backend alive.
      this.timer.unref();
    }
  }

  /** Sends the pending refresh now; never throws. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) {
      return;
    }
    const keys = [...this.pending].map(sharedTargetRefreshKey);
    this.pending.clear();
    try {
      await this.options.connection.refresh({ keys });
    } catch (error) {
      this.options.logger.warn(
        `Refreshing ${keys.length} shared entities failed: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  /** The reverse relations shared entities now hold to each member. */
  private async reverseRelationsOf(
    memberRefs: string[],
  ): Promise<Map<string, Set<string>>> {
    const byMember = new Map<string, Set<string>>();
    for (let i = 0; i < memberRefs.length; i += CHUNK) {
      const rows: Array<{
        source_entity_ref: string;
        type: string;
        target_entity_ref: string;
      }> = await this.options
        .knex('relations')
        .select('source_entity_ref', 'type', 'target_entity_ref')
        .whereIn('target_entity_ref', memberRefs.slice(i, i + CHUNK));
      for (const row of rows) {
        // Only the relations this module gathers; Backstage's own pairs
        // (ownerOf a Component) are none of its business.
        if (
          !gathersFrom(
            parseEntityRef(row.source_entity_ref).kind,
            parseEntityRef(row.target_entity_ref).kind,
            row.type,
          )
        ) {
          continue;
        }
        const found = byMember.get(row.target_entity_ref) ?? new Set();
        found.add(
          relationKey({ incoming: row.type, targetRef: row.source_entity_ref }),
        );
        byMember.set(row.target_entity_ref, found);
      }
    }
    return byMember;
  }
}

function relationKey(target: { incoming: string; targetRef: string }) {
  return `${target.incoming} ${target.targetRef}`;
}

function* symmetricDifference(a: Set<string>, b: Set<string>) {
  for (const key of a) if (!b.has(key)) yield key;
  for (const key of b) if (!a.has(key)) yield key;
}
