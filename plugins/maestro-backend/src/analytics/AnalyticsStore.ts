import crypto from 'crypto';
import { Knex } from 'knex';
import { GraphResult, GraphShare, GraphStatus, SavedGraph } from './types';
import {
  deleteObjectEntries,
  ownerOfCreator,
} from '../access/ObjectAccessStore';

const GRAPHS = 'maestro_graphs';
const SHARES = 'maestro_graph_shares';
const SECRETS = 'maestro_analytics_secrets';

function toGraph(row: any, withResult: boolean): SavedGraph {
  const result: GraphResult | undefined = row.result
    ? JSON.parse(row.result)
    : undefined;
  return {
    id: row.id,
    name: row.name,
    source: { type: row.source_type, ref: row.source_ref },
    status: row.status,
    ...(row.error ? { error: row.error } : {}),
    ...(row.computed_at ? { computedAt: row.computed_at } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    ...(result
      ? {
          summary: {
            nodes: result.metrics.nodes,
            connections: result.metrics.connections,
            systems: result.metrics.systems,
          },
        }
      : {}),
    ...(withResult && result ? { result } : {}),
  };
}

function toShare(row: any): GraphShare {
  return {
    id: row.id,
    graphId: row.graph_id,
    expiresAt: row.expires_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** Saved graphs, their share links and the generated signing key, in SQL. */
export class AnalyticsStore {
  constructor(private readonly db: Knex) {}

  async listGraphs(): Promise<SavedGraph[]> {
    const rows = await this.db(GRAPHS).orderBy('updated_at', 'desc');
    return rows.map(row => toGraph(row, false));
  }

  async getGraph(id: string): Promise<SavedGraph | undefined> {
    const row = await this.db(GRAPHS).where({ id }).first();
    return row ? toGraph(row, true) : undefined;
  }

  async insertGraph(graph: SavedGraph): Promise<void> {
    await this.db(GRAPHS).insert({
      id: graph.id,
      name: graph.name,
      source_type: graph.source.type,
      source_ref: graph.source.ref,
      status: graph.status,
      result: graph.result ? JSON.stringify(graph.result) : null,
      error: graph.error ?? null,
      computed_at: graph.computedAt ?? null,
      created_at: graph.createdAt,
      updated_at: graph.updatedAt,
      created_by: graph.createdBy,
      updated_by: graph.updatedBy,
      // Whoever creates a graph owns it (holds admin on it).
      owner: ownerOfCreator(graph.createdBy) ?? null,
    });
  }

  async setStatus(id: string, status: GraphStatus, actor: string) {
    await this.db(GRAPHS).where({ id }).update({
      status,
      updated_at: new Date().toISOString(),
      updated_by: actor,
    });
  }

  /** Keeps the new result, or on failure the error beside the last result. */
  async saveOutcome(
    id: string,
    outcome: { result: GraphResult } | { error: string },
    actor: string,
  ) {
    const now = new Date().toISOString();
    await this.db(GRAPHS)
      .where({ id })
      .update(
        'result' in outcome
          ? {
              status: 'finished',
              result: JSON.stringify(outcome.result),
              error: null,
              computed_at: now,
              updated_at: now,
              updated_by: actor,
            }
          : {
              status: 'failed',
              error: outcome.error,
              updated_at: now,
              updated_by: actor,
            },
      );
  }

  async renameGraph(id: string, name: string, actor: string) {
    return this.db(GRAPHS).where({ id }).update({
      name,
      updated_at: new Date().toISOString(),
      updated_by: actor,
    });
  }

  /** Deletes a graph, its share links and access entries; false when there was none. */
  async deleteGraph(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await tx(SHARES).where({ graph_id: id }).delete();
      await deleteObjectEntries(tx, 'graph', id);
      return (await tx(GRAPHS).where({ id }).delete()) > 0;
    });
  }

  /** A link and the graph it shows (`view`, as its creator could read it). */
  async insertShare(share: GraphShare, view: GraphResult): Promise<void> {
    await this.db(SHARES).insert({
      id: share.id,
      graph_id: share.graphId,
      expires_at: share.expiresAt,
      revoked_at: null,
      created_at: share.createdAt,
      created_by: share.createdBy,
      view: JSON.stringify(view),
    });
  }

  /** What a link shows; undefined for links made before views were kept. */
  async shareView(id: string): Promise<GraphResult | undefined> {
    const row = await this.db(SHARES).select('view').where({ id }).first();
    return row?.view ? JSON.parse(row.view) : undefined;
  }

  async getShare(id: string): Promise<GraphShare | undefined> {
    const row = await this.db(SHARES).where({ id }).first();
    return row ? toShare(row) : undefined;
  }

  async listShares(graphId: string): Promise<GraphShare[]> {
    const rows = await this.db(SHARES)
      .where({ graph_id: graphId })
      .orderBy('created_at', 'desc');
    return rows.map(toShare);
  }

  async revokeShare(graphId: string, id: string, actor: string) {
    return this.db(SHARES)
      .where({ id, graph_id: graphId })
      .whereNull('revoked_at')
      .update({ revoked_at: new Date().toISOString(), revoked_by: actor });
  }

  /**
   * The named secret, generated on first use. Every replica reads the row
   * the first writer inserted (the insert of the others is ignored).
   */
  async secret(name: string): Promise<string> {
    const existing = await this.db(SECRETS).where({ name }).first();
    if (existing) return existing.value;
    await this.db(SECRETS)
      .insert({
        name,
        value: crypto.randomBytes(32).toString('base64url'),
        created_at: new Date().toISOString(),
      })
      .onConflict('name')
      .ignore();
    const row = await this.db(SECRETS).where({ name }).first();
    return row.value;
  }
}
