import { JsonObject, JsonValue } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import {
  MaestroRecordSpec,
  entityRefArray,
  kindSchema,
  objectArray,
} from './common';

/** A dependency of an application on another application or resource. */
export type MaestroDependency = {
  /** Entity ref of the Component or Resource depended on. */
  target: string;
  /** Protocol of the dependency (rest, amqp, tcp/ip...). */
  protocol?: string;
  description?: string;
};

/** Endpoint, commands and health check of an application or resource. */
export type MaestroRoleSpec = {
  role?: string;
  endpoint?: string;
  path?: string;
  command?: string;
  healthCheck?: string;
  [extra: string]: JsonValue | undefined;
};

/** Fields Maestro adds to Components (applications) and Resources (families). */
export type MaestroServiceSpec = MaestroRecordSpec & {
  type: string;
  owner: string;
  /** The Maestro family (Application, Database, Loadbalance...). */
  family?: string;
  /** All systems it belongs to; `system` holds the first for Backstage. */
  system?: string;
  systems?: string[];
  /** Entity refs of the Servers it runs on. */
  servers?: string[];
  dependencies?: MaestroDependency[];
  dependsOn?: string[];
  role?: MaestroRoleSpec;
  language?: string;
  cluster?: string;
  size?: string;
  /** Managed-service provider, e.g. `RDS (AWS)`. */
  provider?: string;
  deploy?: Array<{
    type?: string;
    provider?: string;
    [k: string]: JsonValue | undefined;
  }>;
  /** Load balancers: entity refs of the applications and servers it routes to. */
  targets?: string[];
  /** Databases: engine-specific fields (Oracle, MySQL, generic). */
  database?: JsonObject;
};

export interface MaestroComponentEntity extends Entity {
  kind: 'Component';
  spec: MaestroServiceSpec & { lifecycle: string };
}

export interface MaestroResourceEntity extends Entity {
  kind: 'Resource';
  spec: MaestroServiceSpec;
}

export interface MaestroSystemEntity extends Entity {
  kind: 'System';
  spec: MaestroRecordSpec & {
    owner: string;
    /** Entity refs of the Clients it serves. */
    clients?: string[];
    /** Entity refs of its entry-point applications. */
    entryPoints?: string[];
  };
}

const serviceProperties = {
  type: { type: 'string', minLength: 1 },
  owner: { type: 'string', minLength: 1 },
  family: { type: 'string' },
  system: { type: 'string', minLength: 1 },
  systems: entityRefArray,
  servers: entityRefArray,
  dependencies: objectArray(['target'], {
    target: { type: 'string', minLength: 1 },
    protocol: { type: 'string' },
    description: { type: 'string' },
  }),
  dependsOn: entityRefArray,
  role: { type: 'object' },
  language: { type: 'string' },
  cluster: { type: 'string' },
  size: { type: 'string' },
  provider: { type: 'string' },
  deploy: { type: 'array', items: { type: 'object' } },
  targets: entityRefArray,
  database: { type: 'object' },
};

export const componentSchema = kindSchema({
  kind: 'Component',
  description: 'Maestro fields of a Component (application)',
  extendsBackstageKind: true,
  required: ['type', 'owner', 'lifecycle'],
  properties: { ...serviceProperties, lifecycle: { type: 'string' } },
});

export const resourceSchema = kindSchema({
  kind: 'Resource',
  description: 'Maestro fields of a Resource (database, cache, broker, ...)',
  extendsBackstageKind: true,
  required: ['type', 'owner'],
  properties: serviceProperties,
});

export const systemSchema = kindSchema({
  kind: 'System',
  description: 'Maestro fields of a System',
  extendsBackstageKind: true,
  required: ['owner'],
  properties: {
    owner: { type: 'string', minLength: 1 },
    clients: entityRefArray,
    entryPoints: entityRefArray,
  },
});
