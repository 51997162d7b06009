import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import {
  MaestroRecordSpec,
  entityRefArray,
  kindSchema,
  objectArray,
} from './common';

/** A disk of a server: an attached (network) volume or a built-in disk. */
export type ServerStorage = {
  /** Mount path or device, e.g. `/dev/xvda`. */
  name: string;
  /** Size in GB. */
  size?: number;
  /** Boot device. */
  root?: boolean;
  type?: 'attached' | 'built-in';
  /** Entity ref of the Volume when attached. */
  volume?: string;
  fileType?: string;
  lvm?: { enabled?: boolean; pv?: string; vg?: string };
};

/** How a team logs in to the server (descriptive only, never a secret). */
export type ServerAuth = {
  type: string;
  /** Key name (PKI), domain (AD/LDAP) or a label. */
  name?: string;
  username?: string;
};

export type ServerService = {
  name: string;
  version?: string;
  setup?: JsonObject;
};

export interface ServerEntity extends Entity {
  kind: 'Server';
  spec: MaestroRecordSpec & {
    hostname: string;
    ipv4Private?: string;
    ipv4Public?: string;
    os?: { base?: string; dist?: string; version?: string };
    cpu?: number;
    /** Memory in GB. */
    memory?: number;
    role?: string;
    serverType?: string;
    storage?: ServerStorage[];
    auth?: ServerAuth[];
    services?: ServerService[];
    /** Entity ref of the Image the server was built from. */
    image?: string;
    /** Entity ref of the Flavor (instance type). */
    flavor?: string;
    /** Entity refs of the Networks (VPC, subnet, security groups). */
    networks?: string[];
  };
}

const ipv4 = { type: 'string', format: 'ipv4' };

export const serverSchema = kindSchema({
  kind: 'Server',
  description: 'A Maestro server: a computer or instance',
  required: ['hostname'],
  properties: {
    hostname: { type: 'string', minLength: 1 },
    ipv4Private: ipv4,
    ipv4Public: ipv4,
    os: {
      type: 'object',
      properties: {
        base: { type: 'string' },
        dist: { type: 'string' },
        version: { type: ['string', 'number'] },
      },
    },
    cpu: { type: 'number', minimum: 0 },
    memory: { type: 'number', minimum: 0 },
    role: { type: 'string' },
    serverType: { type: 'string' },
    storage: objectArray(['name'], {
      name: { type: 'string', minLength: 1 },
      size: { type: 'number', minimum: 0 },
      root: { type: 'boolean' },
      type: { enum: ['attached', 'built-in'] },
      volume: { type: 'string', minLength: 1 },
      fileType: { type: 'string' },
      lvm: {
        type: 'object',
        properties: {
          enabled: { type: 'boolean' },
          pv: { type: 'string' },
          vg: { type: 'string' },
        },
      },
    }),
    auth: objectArray(['type'], {
      type: { type: 'string', minLength: 1 },
      name: { type: 'string' },
      username: { type: 'string' },
    }),
    services: objectArray(['name'], {
      name: { type: 'string', minLength: 1 },
      version: { type: ['string', 'number'] },
      setup: { type: 'object' },
    }),
    image: { type: 'string', minLength: 1 },
    flavor: { type: 'string', minLength: 1 },
    networks: entityRefArray,
  },
});
