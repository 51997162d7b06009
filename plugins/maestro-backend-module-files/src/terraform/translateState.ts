import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { FileProblem } from '@maestro/plugin-maestro-node';
import { maestroEntity } from '../translateCommon';

/** A resource instance of a state, with where it sits in the file. */
interface Instance {
  type: string;
  address: string;
  location: string;
  attributes: Record<string, any>;
}

interface StateResource {
  mode?: string;
  type?: string;
  name?: string;
  module?: string;
  provider?: string;
  instances?: Array<{
    index_key?: string | number;
    attributes?: Record<string, any>;
  }>;
}

const SUPPORTED = new Set([
  'aws_instance',
  'aws_ebs_volume',
  'aws_volume_attachment',
  'aws_ebs_snapshot',
  'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine',
  'azurerm_virtual_machine',
  'azurerm_managed_disk',
]);

/** Maestro's status of an AWS instance state Terraform recorded. */
const INSTANCE_STATUS: Record<string, string> = {
  running: 'Active',
  stopped: 'Stopped',
};

/** The OS an Azure VM resource type implies (azurerm_virtual_machine says none). */
function vmOsBase(type: string) {
  if (type.includes('windows')) return 'Windows';
  if (type.includes('linux')) return 'Linux';
  return undefined;
}

export interface TranslatedState {
  entities: Entity[];
  skipped: Array<{ location: string; reason: string }>;
  errors: Array<Omit<FileProblem, 'file'>>;
}

/** `module.net.aws_instance.web["a"]`: the address Terraform itself prints. */
function addressOf(resource: StateResource, key?: string | number) {
  let index = '';
  if (typeof key === 'number') index = `[${key}]`;
  else if (key !== undefined) index = `["${key}"]`;
  return `${resource.module ? `${resource.module}.` : ''}${resource.type}.${
    resource.name
  }${index}`;
}

function tagsToLabels(tags: unknown): Record<string, string> | undefined {
  if (!tags || typeof tags !== 'object') return undefined;
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags as Record<string, unknown>)) {
    const k = key
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
      .slice(0, 63);
    const v = String(value)
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
      .slice(0, 63);
    if (k) labels[k] = v;
  }
  return labels;
}

/**
 * The servers, volumes and snapshots of a Terraform state (format version
 * 4, modules, count and for_each instances included), with volume
 * attachments as the volumes' server. Other resource types are skipped and
 * counted; a wrong shape is an error naming its JSON path.
 */
export function translateState(
  state: unknown,
  options: { datacenter?: string } = {},
): TranslatedState {
  const out: TranslatedState = { entities: [], skipped: [], errors: [] };
  if (!state || typeof state !== 'object' || Array.isArray(state)) {
    out.errors.push({
      location: '$',
      message: 'must be a JSON object (a Terraform state)',
    });
    return out;
  }
  const { version, resources } = state as {
    version?: unknown;
    resources?: unknown;
  };
  if (version !== 4) {
    out.errors.push({
      location: 'version',
      message: `is ${JSON.stringify(
        version,
      )}: only state format version 4 (Terraform 0.12 and later) is read`,
    });
    return out;
  }
  if (!Array.isArray(resources)) {
    out.errors.push({ location: 'resources', message: 'must be an array' });
    return out;
  }

  const instances: Instance[] = [];
  resources.forEach((resource: StateResource, r) => {
    const at = `resources[${r}]`;
    if (
      !resource ||
      typeof resource.type !== 'string' ||
      !Array.isArray(resource.instances)
    ) {
      out.errors.push({
        location: at,
        message: 'must have a type and an instances array',
      });
      return;
    }
    if (resource.mode === 'data') return; // data sources describe, they do not own
    if (!SUPPORTED.has(resource.type)) {
      out.skipped.push({
        location: at,
        reason: `${resource.type} is not inventory Maestro reads`,
      });
      return;
    }
    resource.instances.forEach((instance, i) => {
      const location = `${at}.instances[${i}]`;
      if (!instance?.attributes || typeof instance.attributes !== 'object') {
        out.errors.push({
          location: `${location}.attributes`,
          message: 'must be an object',
        });
        return;
      }
      instances.push({
        type: resource.type!,
        address: addressOf(resource, instance.index_key),
        location,
        attributes: instance.attributes,
      });
    });
  });

  const placement = (extra: Record<string, unknown>) => ({
    ...(options.datacenter ? { ref: options.datacenter } : {}),
    ...extra,
  });
  const requireId = (instance: Instance, field = 'id') => {
    const id = instance.attributes[field];
    if (typeof id !== 'string' || !id) {
      out.errors.push({
        location: `${instance.location}.attributes.${field}`,
        message: 'must be a non-empty string',
      });
      return undefined;
    }
    return id;
  };

  // Servers first: volume attachments and disks refer to them.
  const serverRefById = new Map<string, string>();
  const volumes = new Map<string, Entity>();
  for (const instance of instances) {
    const a = instance.attributes;
    if (instance.type === 'aws_instance') {
      const id = requireId(instance);
      if (!id) continue;
      const title = a.tags?.Name ?? a.private_dns ?? id;
      const server = maestroEntity(
        'Server',
        id,
        title,
        {
          uniqueId: id,
          hostname: a.tags?.Name ?? a.private_dns ?? id,
          ipv4Private: a.private_ip,
          ipv4Public: a.public_ip,
          status: INSTANCE_STATUS[a.instance_state],
          auth: a.key_name ? [{ type: 'PKI', name: a.key_name }] : undefined,
          terraformAddress: instance.address,
          datacenter: placement({
            provider: 'AWS',
            zone: a.availability_zone,
            region:
              typeof a.availability_zone === 'string'
                ? a.availability_zone.replace(/[a-z]$/, '')
                : undefined,
            instanceId: id,
            instanceType: a.instance_type,
            imageId: a.ami,
            subnetId: a.subnet_id,
          }),
        },
        tagsToLabels(a.tags),
      );
      serverRefById.set(id, stringifyEntityRef(server));
      out.entities.push(server);
    } else if (
      instance.type.startsWith('azurerm_') &&
      instance.type.endsWith('virtual_machine')
    ) {
      const id = requireId(instance);
      if (!id) continue;
      const name = a.computer_name ?? a.name ?? id;
      const uniqueId = a.virtual_machine_id ?? id;
      const server = maestroEntity(
        'Server',
        uniqueId,
        a.name ?? name,
        {
          uniqueId,
          hostname: name,
          os: {
            base: vmOsBase(instance.type),
          },
          auth: a.admin_username
            ? [
                {
                  type: a.admin_ssh_key ? 'PKI' : 'Password',
                  username: a.admin_username,
                },
              ]
            : undefined,
          terraformAddress: instance.address,
          datacenter: placement({
            provider: 'Azure',
            region: a.location,
            zone: a.zone,
            instanceId: uniqueId,
            instanceType: a.size ?? a.vm_size,
            resourceId: id,
          }),
        },
        tagsToLabels(a.tags),
      );
      serverRefById.set(id.toLowerCase(), stringifyEntityRef(server));
      out.entities.push(server);
    }
  }

  for (const instance of instances) {
    const a = instance.attributes;
    if (instance.type === 'aws_ebs_volume') {
      const id = requireId(instance);
      if (!id) continue;
      const volume = maestroEntity(
        'Volume',
        id,
        a.tags?.Name ?? id,
        {
          uniqueId: id,
          size: a.size,
          volumeType: a.type,
          iops: a.iops,
          encrypted: a.encrypted,
          terraformAddress: instance.address,
          datacenter: placement({ provider: 'AWS', zone: a.availability_zone }),
        },
        tagsToLabels(a.tags),
      );
      volumes.set(id, volume);
      out.entities.push(volume);
    } else if (instance.type === 'azurerm_managed_disk') {
      const id = requireId(instance);
      if (!id) continue;
      const volume = maestroEntity(
        'Volume',
        a.name ?? id,
        a.name ?? id,
        {
          uniqueId: id,
          size: a.disk_size_gb,
          volumeType: a.storage_account_type,
          terraformAddress: instance.address,
          datacenter: placement({ provider: 'Azure', region: a.location }),
        },
        tagsToLabels(a.tags),
      );
      volumes.set(id.toLowerCase(), volume);
      out.entities.push(volume);
    }
  }

  for (const instance of instances) {
    const a = instance.attributes;
    if (instance.type === 'aws_volume_attachment') {
      const volume = volumes.get(a.volume_id);
      const server = serverRefById.get(a.instance_id);
      if (volume && server) {
        volume.spec!.server = server;
        volume.spec!.device = a.device_name;
      } else {
        out.skipped.push({
          location: instance.location,
          reason: `attachment of ${a.volume_id} to ${a.instance_id}: one of them is not in this state`,
        });
      }
    } else if (instance.type === 'aws_ebs_snapshot') {
      const id = requireId(instance);
      if (!id) continue;
      const volume = volumes.get(a.volume_id);
      out.entities.push(
        maestroEntity(
          'Snapshot',
          id,
          a.tags?.Name ?? id,
          {
            uniqueId: id,
            volumeId: a.volume_id,
            volume: volume ? stringifyEntityRef(volume) : undefined,
            size: a.volume_size,
            encrypted: a.encrypted,
            ownerId: a.owner_id,
            terraformAddress: instance.address,
            datacenter: placement({ provider: 'AWS' }),
          },
          tagsToLabels(a.tags),
        ),
      );
    } else if (
      instance.type === 'azurerm_virtual_machine' ||
      instance.type.endsWith('virtual_machine')
    ) {
      // Disks attached in the VM's own block (azurerm_virtual_machine).
      const server = serverRefById.get(String(a.id ?? '').toLowerCase());
      for (const disk of a.storage_data_disk ?? []) {
        const volume = volumes.get(
          String(disk.managed_disk_id ?? '').toLowerCase(),
        );
        if (volume && server) volume.spec!.server = server;
      }
    }
  }
  return out;
}
