import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  CatalogProcessorErrorResult,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  formatFieldErrors,
  validateMaestroEntity,
} from '@maestro/plugin-maestro-common';
import {
  carriesMaestroFields,
  isMaestroExtendedKind,
  isMaestroOwnKind,
} from './maestroFields';
import { isSharedTargetKind, relationFieldsOf } from './maestroRelationFields';
import {
  SharedTargetRelations,
  sharedTargetRefreshKey,
} from './SharedTargetRelations';
import { findRefs, parseMaestroRef, parsedRefsAt } from './maestroRefs';

/** The catalog's location of an entity (LocationSpec of catalog-common). */
type EntityLocation = CatalogProcessorErrorResult['location'];

/**
 * Validates Maestro's kinds and the Maestro fields of Components, Resources
 * and Systems, and emits the relations their reference fields imply, each
 * with its reverse. A reference to an entity shared by many (datacenter,
 * owner, image, flavor, network) emits the outgoing relation only; the
 * shared entity gathers the reverse ones when it is processed.
 *
 * @public
 */
export class MaestroEntityProcessor implements CatalogProcessor {
  /**
   * @param sharedTargets - reads the members of a shared entity from the
   *   catalog's relations; without it, shared entities gather none.
   */
  constructor(private readonly sharedTargets?: SharedTargetRelations) {}

  getProcessorName(): string {
    return 'MaestroEntityProcessor';
  }

  /**
   * Claims Maestro's own kinds when they are valid. For Components, Resources
   * and Systems it only checks the Maestro fields and answers false, so that
   * Backstage's builtin processor still validates the rest of them.
   */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    const ownKind = isMaestroOwnKind(entity);
    if (!ownKind && !carriesMaestroFields(entity)) {
      return false;
    }
    const fieldErrors = validateMaestroEntity(entity);
    if (fieldErrors.length > 0) {
      throw new InputError(
        `Invalid ${entity.kind} ${stringifyEntityRef(
          entity,
        )}: ${formatFieldErrors(fieldErrors)}`,
      );
    }
    return ownKind;
  }

  async postProcessEntity(
    entity: Entity,
    location: EntityLocation,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const self = getCompoundEntityRef(entity);
    await this.gatherIncoming(self, emit);
    if (!isMaestroOwnKind(entity) && !isMaestroExtendedKind(entity)) {
      return entity;
    }
    const defaultNamespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;

    for (const relationField of relationFieldsOf(entity.kind)) {
      const context = {
        defaultKind: relationField.defaultKind,
        defaultNamespace,
      };
      const handledByBackstage = relationField.handledByBackstageAt
        ? parsedRefsAt(
            entity,
            { path: relationField.handledByBackstageAt },
            context,
          )
        : new Set<string>();

      for (const found of findRefs(entity, relationField)) {
        let target;
        try {
          target = parseMaestroRef(found, context);
        } catch (error) {
          emit(processingResult.inputError(location, (error as Error).message));
          continue;
        }
        if (handledByBackstage.has(stringifyEntityRef(target))) {
          continue;
        }
        emit(
          processingResult.relation({
            source: self,
            type: relationField.outgoing,
            target,
          }),
        );
        if (!relationField.sharedTargetKinds) {
          emit(
            processingResult.relation({
              source: target,
              type: relationField.incoming,
              target: self,
            }),
          );
        }
      }
    }
    return entity;
  }

  /** The reverse relations of a shared entity, from its members' relations. */
  private async gatherIncoming(
    self: CompoundEntityRef,
    emit: CatalogProcessorEmit,
  ) {
    if (!isSharedTargetKind(self.kind)) {
      return;
    }
    const selfRef = stringifyEntityRef(self);
    emit(processingResult.refresh(sharedTargetRefreshKey(selfRef)));
    for (const incoming of (await this.sharedTargets?.incoming(self)) ?? []) {
      emit(
        processingResult.relation({
          source: self,
          type: incoming.type,
          target: parseEntityRef(incoming.memberRef),
        }),
      );
    }
  }
}
