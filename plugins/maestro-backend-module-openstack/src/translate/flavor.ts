import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  TranslationContext,
  compact,
  entity,
  flavorEntityName,
  placement,
} from './common';
import { NovaFlavor } from './openstackApi';

/** A Nova flavor as a Maestro Flavor (memory in GiB, disks in GB). */
export function translateFlavor(
  flavor: NovaFlavor,
  context: TranslationContext,
): DiscoveredEntity {
  const name = flavorEntityName(flavor.id, context.cloudKey);
  const ephemeral = flavor['OS-FLV-EXT-DATA:ephemeral'] ?? 0;
  const disabled = flavor['OS-FLV-DISABLED:disabled'] === true;
  return entity(
    'Flavor',
    name,
    flavor.name,
    {},
    {
      // The flavor's own id is not unique across clouds; the name is.
      uniqueId: name,
      provider: 'OpenStack',
      apiName: flavor.name,
      vcpus: flavor.vcpus,
      memory:
        flavor.ram === undefined
          ? undefined
          : Math.round((flavor.ram / 1024) * 100) / 100,
      storage:
        flavor.disk === undefined
          ? undefined
          : `${flavor.disk} GB${
              ephemeral ? ` + ${ephemeral} GB ephemeral` : ''
            }`,
      // A disabled flavor still exists (servers keep it); it takes no new ones.
      status: disabled ? 'Disabled' : 'Active',
      active: true,
      properties: compact({
        flavorId: flavor.id,
        public: flavor['os-flavor-access:is_public'],
        swapMb: typeof flavor.swap === 'number' ? flavor.swap : undefined,
        ephemeralGb: ephemeral || undefined,
        rxtxFactor: flavor.rxtx_factor,
        description: flavor.description ?? undefined,
      }),
      datacenter: placement(context),
    },
  );
}
