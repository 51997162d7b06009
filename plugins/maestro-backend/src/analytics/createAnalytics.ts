import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import { RecordStore } from '../store/RecordStore';
import { WritePath } from '../writePath/WritePath';
import { AnalyticsStore } from './AnalyticsStore';
import { DependencyMaker } from './DependencyMaker';
import { GraphAnalyzer } from './GraphAnalyzer';
import { GraphService } from './GraphService';
import { GraphRefresher } from './GraphRefresher';
import { ShareLinks } from './ShareLinks';

/** Maestro's own dependency depth limit (seed 5.3.2). */
export const DEFAULT_MAX_DEPTH = 30;

export interface AnalyticsServices {
  graphs: GraphService;
  shares: ShareLinks;
  maker: DependencyMaker;
  /** Recomputes saved graphs whose records changed. */
  refresher: GraphRefresher;
}

/** Analytics on the store's database; reads `maestro.analytics.*`. */
export function createAnalytics(opts: {
  config: Config;
  knex: Knex;
  store: RecordStore;
  writePath: WritePath;
  logger?: LoggerService;
  signals?: SignalsService;
}): AnalyticsServices {
  const maxDepth =
    opts.config.getOptionalNumber('maestro.analytics.maxDepth') ??
    DEFAULT_MAX_DEPTH;
  const analyticsStore = new AnalyticsStore(opts.knex);
  const graphs = new GraphService(
    analyticsStore,
    new GraphAnalyzer(opts.store, maxDepth),
  );
  return {
    graphs,
    refresher: new GraphRefresher({
      graphs,
      logger: opts.logger,
      signals: opts.signals,
    }),
    shares: new ShareLinks(
      analyticsStore,
      opts.config.getOptionalString('maestro.analytics.shareSecret'),
    ),
    maker: new DependencyMaker(opts.store, opts.writePath),
  };
}
