import { MaestroRecord } from '@maestro/plugin-maestro-common';
import { StoredRecord } from '../../store/types';

export function recordToApi(record: StoredRecord): MaestroRecord {
  return {
    id: record.id,
    entity: record.entity,
    revision: record.revision,
    active: record.active,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    createdBy: record.createdBy,
    updatedBy: record.updatedBy,
    fieldSources: record.fieldSources,
  };
}
