import {
  DEFAULT_NAMESPACE,
  Entity,
  getCompoundEntityRef,
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
import { relationFieldsOf } from './maestroRelationFields';
import { findRefs, parseMaestroRef, parsedRefsAt } from './maestroRefs';

/** The catalog's location of an entity (LocationSpec of catalog-common). */
type EntityLocation = CatalogProcessorErrorResult['location'];

/**
 * Validates Maestro's kinds and the Maestro fields of Components, Resources
 * and Systems, and emits the relations their reference fields imply, each
 * with its reverse.
 *
 * @public
 */
export class MaestroEntityProcessor implements CatalogProcessor {
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
    if (!isMaestroOwnKind(entity) && !isMaestroExtendedKind(entity)) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const defaultNamespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;

    for (const relationField of relationFieldsOf(entity.kind)) {
      const context = {
        defaultKind: relationField.defaultKind,
        defaultNamespace,
      };
      const handledByBackstage = relationField.handledByBackstageAt
        ? parsedRefsAt(entity, relationField.handledByBackstageAt, context)
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
        emit(
          processingResult.relation({
            source: target,
            type: relationField.incoming,
            target: self,
          }),
        );
      }
    }
    return entity;
  }
}
