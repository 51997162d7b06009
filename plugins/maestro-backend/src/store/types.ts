import { Entity } from '@backstage/catalog-model';
import { MaestroRevision } from '@maestro/plugin-maestro-common';

/** A record as the store holds it. */
export interface StoredRecord {
  id: string;
  kind: string;
  namespace: string;
  name: string;
  entityRef: string;
  entity: Entity;
  fieldSources: Record<string, string>;
  checksum: string;
  revision: number;
  seq: number;
  active: boolean;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** A revision as stored is exactly what the API serves. */
export type StoredRevision = MaestroRevision;

/** Columns a record can be identified by besides its name. */
export type IdentityKey =
  | 'unique_id'
  | 'datacenter'
  | 'ipv4_private'
  | 'hostname';
