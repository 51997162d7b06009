import { Entity } from '@backstage/catalog-model';
import { ImportError } from './types';
import { EntityNames, entityRef } from './references';
import { Random, randomFor } from './random';

/** An entity and the document it was made from, for error messages. */
export interface ProducedEntity {
  entity: Entity;
  file: string;
  index: number;
}

/**
 * What the translators of one import share: names handed out so far, the
 * entities made, the problems found. Translators run in dependency order
 * (datacenters and clients before the systems and applications that refer to
 * them), so a reference can always be resolved when it is read.
 */
export class ImportContext {
  readonly names = new EntityNames();
  readonly errors: ImportError[] = [];
  readonly produced: ProducedEntity[] = [];
  private readonly byRef = new Map<string, Entity>();

  constructor(readonly owner: string, private readonly seed: number) {}

  error(
    file: string,
    index: number | undefined,
    field: string | undefined,
    message: string,
  ) {
    const e: ImportError = { file, message };
    if (index !== undefined) e.index = index;
    if (field !== undefined) e.field = field;
    this.errors.push(e);
  }

  /** Adds an entity made from document `index` of `file`; returns its ref. */
  emit(entity: Entity, file: string, index: number): string {
    const ref = entityRef(entity.kind, entity.metadata.name);
    this.produced.push({ entity, file, index });
    this.byRef.set(ref, entity);
    return ref;
  }

  /** The spec of an entity made earlier in this import, to add links to it. */
  specOf(ref: string): Record<string, unknown> | undefined {
    return this.byRef.get(ref)?.spec as Record<string, unknown> | undefined;
  }

  /** The random stream of one document (see random.ts). */
  random(key: string): Random {
    return randomFor(this.seed, key);
  }
}
