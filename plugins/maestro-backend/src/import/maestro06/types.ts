import { Entity } from '@backstage/catalog-model';

/**
 * The files of a Maestro 0.6 export, by their original names (those of
 * Maestro's `devtools/migration_demo/data`). Every file is optional.
 */
export const MAESTRO06_FILES = [
  'datacenters.json',
  'datacenter_blueprints.json',
  'zones.json',
  'clients.json',
  'teams.json',
  'system.json',
  'apps.json',
  'deps.json',
  'servers.json',
  'network.json',
  'images.json',
  'snapshots.json',
  'reports.json',
  'analytics.json',
] as const;

export type Maestro06FileName = (typeof MAESTRO06_FILES)[number];

/**
 * One problem with the input. It always names the file, and the document's
 * position and field when there is one, so a user can fix the export.
 */
export interface ImportError {
  file: string;
  /** Position of the document in the file's array. */
  index?: number;
  /** The Maestro field (`hostname`, `applications[1]`) or entity path (`spec.cpu`). */
  field?: string;
  message: string;
}

export interface TranslateMaestro06Options {
  /** Owner of applications, resources and systems (0.6 had no owner field). */
  owner?: string;
  /** Seed of the placement and sizes the original demo loader drew at random. */
  seed?: number;
}

export interface Maestro06Translation {
  entities: Entity[];
  /** Non-empty means the input is not importable: write nothing. */
  errors: ImportError[];
  /** Documents kept as they are for features that come later. */
  saved: { reports?: unknown; analytics?: unknown };
  /**
   * Entry points of deps.json (`root`) that belong to no system, so no
   * System can list them; entity refs.
   */
  entryPointsWithoutSystem: string[];
}
