import { Entity } from '@backstage/catalog-model';
/**
 * The inventory forms are data: each kind lists its fields once (one file
 * per kind here), and one renderer draws, validates and saves them all.
 * Paths are dotted entity paths (`spec.os.dist`); inside a `list`, paths are
 * relative to the item (`size` for `spec.storage.<i>.size`).
 */

/** Where a reference field finds its choices: records of a kind. */
export interface RefTarget {
  /** Plural of the kind in the REST API (`servers`), or several. */
  plural: string | string[];
  /** Extra exact filters, e.g. `{ 'spec.family': 'Database' }`. */
  filter?: Record<string, string>;
  /** Field paths searched with what the user types (title by default). */
  searchPaths?: string[];
  /** Shown under each choice, e.g. the private IP of a server. */
  detailPath?: string;
}

interface BaseField {
  path: string;
  label: string;
  required?: boolean;
  helperText?: string;
  /** Width on a 12-column grid (default 6; lists and wide fields 12). */
  width?: 3 | 4 | 6 | 12;
}

export type FieldDef =
  | (BaseField & { type: 'text' | 'textarea' | 'number' | 'boolean' })
  /** One value of an option list (Settings) or fixed choices; `free` allows others. */
  | (BaseField & {
      type: 'select';
      options: string | readonly string[];
      free?: boolean;
    })
  /** Free list of strings (CDBs, regions of an own provider). */
  | (BaseField & { type: 'strings'; options?: string | readonly string[] })
  /** One entity ref, or several, picked among records. */
  | (BaseField & { type: 'ref' | 'refs'; target: RefTarget })
  /** Repeated groups of fields (storage, auth, dependencies...). */
  | (BaseField & {
      type: 'list';
      /** Summary of an item in the list, e.g. `/dev/xvda 30 GB`. */
      itemLabel: string;
      fields: FieldDef[];
    })
  /** Datacenter ref, then region and zone among that datacenter's. */
  | (BaseField & { type: 'placement' })
  /** Regions and zones of a datacenter, from the provider's in Settings. */
  | (BaseField & { type: 'regions' })
  /** A service of the services catalog (Settings). */
  | (BaseField & { type: 'service' })
  /** A JSON object typed as text (a service's setup). */
  | (BaseField & { type: 'json' });

/** One tab of a form dialog, as the seed groups fields. */
export interface FormSection {
  title: string;
  fields: FieldDef[];
}

/** Everything the dialog needs to create and edit records of one kind. */
export interface KindForm {
  /** Id of the form (`server`, `database`...). */
  id: string;
  /** Singular title, e.g. `Server`. */
  title: string;
  /** Plural of the kind in the REST API. */
  plural: string;
  apiVersion: string;
  kind: string;
  /** Spec every new record starts with (family, type...). */
  initialSpec: NonNullable<Entity['spec']>;
  sections: FormSection[];
}
