import { InputError, NotFoundError } from '@backstage/errors';
import { v4 as uuid } from 'uuid';
import { AnalyticsStore } from './AnalyticsStore';
import { signShareToken, verifyShareToken } from './lib/shareToken';
import { GraphResult, GraphShare, SavedGraph } from './types';

const SECRET_NAME = 'share-links';
export const MAX_SHARE_HOURS = 24 * 365;

/** What a public link leads to. */
export type OpenedShare =
  | {
      status: 'ok';
      graph: SavedGraph & { result: GraphResult };
      share: GraphShare;
    }
  | { status: 'not-found' }
  | { status: 'gone'; reason: 'expired' | 'revoked' | 'outdated' };

/**
 * Public links to one graph: an HMAC-signed token naming the share, the
 * graph and the expiry; the share row holds the revocation. The key comes
 * from `maestro.analytics.shareSecret`, else from the database (generated
 * once), so that every replica verifies the same links. A link shows the
 * view of the graph it was made with (what its creator could read then),
 * not the graph's later results.
 */
export class ShareLinks {
  private generatedSecret?: Promise<string>;

  constructor(
    private readonly store: AnalyticsStore,
    private readonly configuredSecret?: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private secret(): Promise<string> {
    if (this.configuredSecret) return Promise.resolve(this.configuredSecret);
    this.generatedSecret ??= this.store.secret(SECRET_NAME).catch(e => {
      this.generatedSecret = undefined;
      throw e;
    });
    return this.generatedSecret;
  }

  async create(
    graphId: string,
    expiresInHours: unknown,
    actor: string,
    view: GraphResult,
  ): Promise<{ share: GraphShare; token: string }> {
    if (
      typeof expiresInHours !== 'number' ||
      !Number.isInteger(expiresInHours) ||
      expiresInHours < 1 ||
      expiresInHours > MAX_SHARE_HOURS
    ) {
      throw new InputError(
        `expiresInHours must be a whole number of hours from 1 to ${MAX_SHARE_HOURS}`,
      );
    }
    const now = this.now();
    // Whole seconds, so the token's expiry and the stored one agree.
    const expiresAt = Math.floor(now.getTime() / 1000) + expiresInHours * 3600;
    const share: GraphShare = {
      id: uuid(),
      graphId,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      createdAt: now.toISOString(),
      createdBy: actor,
    };
    await this.store.insertShare(share, view);
    const token = signShareToken(
      { shareId: share.id, graphId, expiresAt },
      await this.secret(),
    );
    return { share, token };
  }

  list(graphId: string) {
    return this.store.listShares(graphId);
  }

  /** Revokes a link of a graph; 404 when the graph has no such live link. */
  async revoke(graphId: string, shareId: string, actor: string) {
    if (!(await this.store.revokeShare(graphId, shareId, actor)))
      throw new NotFoundError(`No active share ${shareId} of graph ${graphId}`);
  }

  /** The graph a token opens; tampered or unknown tokens are simply not found. */
  async open(token: string): Promise<OpenedShare> {
    const claims = verifyShareToken(token, await this.secret());
    if (!claims) return { status: 'not-found' };
    const share = await this.store.getShare(claims.shareId);
    if (!share || share.graphId !== claims.graphId)
      return { status: 'not-found' };
    if (share.revokedAt) return { status: 'gone', reason: 'revoked' };
    if (claims.expiresAt * 1000 <= this.now().getTime())
      return { status: 'gone', reason: 'expired' };
    const graph = await this.store.getGraph(share.graphId);
    if (!graph) return { status: 'gone', reason: 'revoked' };
    const view = await this.store.shareView(share.id);
    // Older links kept no view: what they may show is unknown.
    if (!view) return { status: 'gone', reason: 'outdated' };
    return { status: 'ok', graph: { ...graph, result: view }, share };
  }
}
