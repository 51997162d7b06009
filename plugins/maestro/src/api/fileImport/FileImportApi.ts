import { createApiRef } from '@backstage/frontend-plugin-api';

/** A format Maestro reads files in (from its backend modules). @public */
export interface FileFormat {
  id: string;
  title: string;
}

/** @public */
export interface FileProblem {
  file: string;
  location?: string;
  message: string;
}

/** What an import (or its preview) did to each record. @public */
export interface FileImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: Array<{ file: string; location?: string; reason: string }>;
  records: Array<{
    entityRef: string;
    action: 'created' | 'updated' | 'unchanged';
  }>;
}

/**
 * The upload was refused; `problems` names each file and place.
 *
 * @public
 */
export class FileImportRefused extends Error {
  constructor(message: string, readonly problems: FileProblem[]) {
    super(message);
    this.name = 'FileImportRefused';
  }
}

/** @public */
export interface FileImportApi {
  getFormats(): Promise<{ items: FileFormat[]; maxUploadBytes: number }>;
  importFile(options: {
    format: string;
    filename: string;
    body: Blob;
    datacenter?: string;
    dryRun: boolean;
  }): Promise<FileImportResult>;
}

/** @public */
export const fileImportApiRef = createApiRef<FileImportApi>().with({
  id: 'plugin.maestro.file-import',
  pluginId: 'maestro',
});
