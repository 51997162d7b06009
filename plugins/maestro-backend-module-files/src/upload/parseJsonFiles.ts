import {
  FileParseContext,
  FileProblem,
  FileUpload,
  ParsedFiles,
} from '@maestro/plugin-maestro-node';
import { Entity } from '@backstage/catalog-model';
import { unpackUpload } from './unpackUpload';
import { readJsonFile } from './readText';

/** What a format makes of one JSON document. */
export interface TranslatedDocument {
  entities: Entity[];
  skipped?: Array<{ location?: string; reason: string }>;
  errors: Array<Omit<FileProblem, 'file'>>;
}

/**
 * Unpacks an upload and reads each file as JSON, handing each document to
 * the format's translation; problems and skipped parts are named with their
 * file. An upload without files is a problem too.
 */
export async function parseJsonFiles(
  upload: FileUpload,
  context: FileParseContext,
  translate: (document: unknown, file: string) => TranslatedDocument,
  nothing: string,
): Promise<ParsedFiles> {
  const files = await unpackUpload(upload, context.maxBytes);
  const result: ParsedFiles = { entities: [], skipped: [], errors: [] };
  if (!files.length)
    result.errors.push({ file: upload.filename, message: nothing });
  for (const file of files) {
    const read = readJsonFile(file);
    if ('problem' in read) {
      result.errors.push(read.problem);
      continue;
    }
    const translated = translate(read.value, file.path);
    result.entities.push(...translated.entities);
    result.skipped.push(
      ...(translated.skipped ?? []).map(s => ({ file: file.path, ...s })),
    );
    result.errors.push(
      ...translated.errors.map(e => ({ file: file.path, ...e })),
    );
  }
  return result;
}
