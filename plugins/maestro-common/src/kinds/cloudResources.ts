import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import {
  MaestroRecordSpec,
  entityRefArray,
  kindSchema,
  objectArray,
} from './common';

/** A block-storage volume (EBS, managed disk, DigitalOcean volume...). */
export interface VolumeEntity extends Entity {
  kind: 'Volume';
  spec: MaestroRecordSpec & {
    /** Size in GB. */
    size?: number;
    volumeType?: string;
    iops?: number;
    encrypted?: boolean;
    /** Entity ref of the Server it is attached to. */
    server?: string;
    /** Device name on the server, e.g. `/dev/xvdf`. */
    device?: string;
  };
}

export const volumeSchema = kindSchema({
  kind: 'Volume',
  description: 'A Maestro volume (block storage)',
  properties: {
    size: { type: 'number', minimum: 0 },
    volumeType: { type: 'string' },
    iops: { type: 'number', minimum: 0 },
    encrypted: { type: 'boolean' },
    server: { type: 'string', minLength: 1 },
    device: { type: 'string' },
  },
});

/** A point-in-time copy of a volume. */
export interface SnapshotEntity extends Entity {
  kind: 'Snapshot';
  spec: MaestroRecordSpec & {
    /** Entity ref of the Volume it copies. */
    volume?: string;
    volumeId?: string;
    size?: number;
    progress?: string;
    startTime?: string;
    ownerId?: string;
    encrypted?: boolean;
  };
}

export const snapshotSchema = kindSchema({
  kind: 'Snapshot',
  description: 'A Maestro snapshot of a volume',
  properties: {
    volume: { type: 'string', minLength: 1 },
    volumeId: { type: 'string' },
    size: { type: 'number', minimum: 0 },
    progress: { type: 'string' },
    startTime: { type: 'string' },
    ownerId: { type: 'string' },
    encrypted: { type: 'boolean' },
  },
});

/** A machine image servers are built from. */
export interface ImageEntity extends Entity {
  kind: 'Image';
  spec: MaestroRecordSpec & {
    imageType?: string;
    location?: string;
    public?: boolean;
    architecture?: string;
    hypervisor?: string;
    rootDeviceType?: string;
    platform?: string;
  };
}

export const imageSchema = kindSchema({
  kind: 'Image',
  description: 'A Maestro machine image',
  properties: {
    imageType: { type: 'string' },
    location: { type: 'string' },
    public: { type: 'boolean' },
    architecture: { type: 'string' },
    hypervisor: { type: 'string' },
    rootDeviceType: { type: 'string' },
    platform: { type: 'string' },
  },
});

/** Network resource types discovered from the clouds (spec.type). */
export const NETWORK_TYPES = [
  'vpc',
  'subnet',
  'security-group',
  'route-table',
  'network-acl',
  'vpc-peering',
  'vpn-gateway',
  'vpc-endpoint',
  'network-interface',
  'nat-gateway',
  'public-ip',
  'router',
  'port',
  'firewall',
  'network',
] as const;

/** A VPC, subnet, security group, route table, ACL... by `spec.type`. */
export interface NetworkEntity extends Entity {
  kind: 'Network';
  spec: MaestroRecordSpec & {
    type: string;
    cidr?: string;
    /** Entity ref of the enclosing network (the VPC of a subnet). */
    network?: string;
    /** Provider-specific attributes kept as discovered. */
    properties?: JsonObject;
  };
}

export const networkSchema = kindSchema({
  kind: 'Network',
  description: 'A Maestro network resource (VPC, subnet, security group, ...)',
  required: ['type'],
  properties: {
    type: { type: 'string', minLength: 1 },
    cidr: { type: 'string' },
    network: { type: 'string', minLength: 1 },
    properties: { type: 'object' },
  },
});

/** An instance type of a provider, with its size and prices. */
export interface FlavorEntity extends Entity {
  kind: 'Flavor';
  spec: MaestroRecordSpec & {
    provider?: string;
    /** The provider's name for it, e.g. `t3.micro`. */
    apiName: string;
    vcpus?: number;
    /** Memory in GiB. */
    memory?: number;
    storage?: string;
    gpus?: number;
    /** Hourly prices by region or plan. */
    prices?: JsonObject;
  };
}

export const flavorSchema = kindSchema({
  kind: 'Flavor',
  description: 'A Maestro flavor (instance type)',
  required: ['apiName'],
  properties: {
    provider: { type: 'string' },
    apiName: { type: 'string', minLength: 1 },
    vcpus: { type: 'number', minimum: 0 },
    memory: { type: 'number', minimum: 0 },
    storage: { type: 'string' },
    gpus: { type: 'number', minimum: 0 },
    prices: { type: 'object' },
  },
});

/** A company, team or person that systems serve. */
export interface ClientEntity extends Entity {
  kind: 'Client';
  spec: MaestroRecordSpec & {
    contacts?: Array<{ channel: string; value: string }>;
  };
}

export const clientSchema = kindSchema({
  kind: 'Client',
  description: 'A Maestro client served by systems',
  properties: {
    contacts: objectArray(['channel', 'value'], {
      channel: { type: 'string', minLength: 1 },
      value: { type: 'string', minLength: 1 },
    }),
  },
});

export { entityRefArray };
