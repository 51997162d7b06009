export type {
  GraphSourceType,
  GraphSource,
  GraphResult,
  GraphStatus,
  SavedGraph,
  GraphShare,
} from '@maestro/plugin-maestro-common';
