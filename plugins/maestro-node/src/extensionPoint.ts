import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { DiscoverySource } from './source';

/** Lets backend modules add discovery sources (AWS, Azure, ...) to Maestro. */
export interface MaestroDiscoveryExtensionPoint {
  addSource(source: DiscoverySource): void;
}

/**
 * The extension point of the `maestro` plugin for discovery sources.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'maestro',
 *   moduleId: 'aws',
 *   register(env) {
 *     env.registerInit({
 *       deps: { discovery: maestroDiscoveryExtensionPoint },
 *       async init({ discovery }) { discovery.addSource(awsSource) },
 *     });
 *   },
 * });
 * ```
 */
export const maestroDiscoveryExtensionPoint =
  createExtensionPoint<MaestroDiscoveryExtensionPoint>({
    id: 'maestro.discovery',
  });
