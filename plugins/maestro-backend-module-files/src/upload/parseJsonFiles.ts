import {
  FileParseContext,
  FileProblem,
  FileUpload,
  MaestroFileFormat,
  ParsedFiles,
  UploadedFile,
} from '@maestro/plugin-maestro-node';
import { Entity } from '@backstage/catalog-model';
import { UnpackBudget, isArchive, unpackUpload } from './unpackUpload';
import { readJsonFile } from './readText';

/** What a format makes of one JSON document. */
export interface TranslatedDocument {
  entities: Entity[];
  skipped?: Array<{ location?: string; reason: string }>;
  errors: Array<Omit<FileProblem, 'file'>>;
}

/** Turns one JSON document of a file into entities. */
export type DocumentTranslator = (
  document: unknown,
  file: string,
  context: FileParseContext,
) => TranslatedDocument;

/**
 * A format of JSON files that reads an upload and the files of a folder or
 * bucket (SSH, S3) the same way: each file may be an archive, which is
 * unpacked, then each document goes to the format's translation.
 */
export interface JsonFilesFormat extends MaestroFileFormat {
  /** Which files of a fetched folder are of the format (all when unset). */
  readsFile?: (name: string) => boolean;
  /**
   * Reads fetched files (paths relative to the folder or prefix). They share
   * one budget of `context.maxBytes` for what they unpack to. `files` counts
   * the documents read; none is not an error here (an empty folder).
   */
  parseFiles(
    files: FileUpload[],
    context: FileParseContext,
    origin: string,
  ): Promise<ParsedFiles & { files: number }>;
}

/** Reads each document of the files, naming problems and skipped parts with their file. */
function translateFiles(
  files: UploadedFile[],
  context: FileParseContext,
  translate: DocumentTranslator,
): ParsedFiles {
  const result: ParsedFiles = { entities: [], skipped: [], errors: [] };
  for (const file of files) {
    const read = readJsonFile(file);
    if ('problem' in read) {
      result.errors.push(read.problem);
      continue;
    }
    const translated = translate(read.value, file.path, context);
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

/** A format of JSON documents, for upload and for fetched files alike. */
export function jsonFilesFormat(opts: {
  id: string;
  title: string;
  translate: DocumentTranslator;
  /** The problem of an upload that holds no file at all. */
  nothing: string;
  readsFile?: (name: string) => boolean;
}): JsonFilesFormat {
  return {
    id: opts.id,
    title: opts.title,
    readsFile: opts.readsFile,
    async parse(upload, context) {
      const files = await unpackUpload(upload, context.maxBytes);
      const result = translateFiles(files, context, opts.translate);
      if (!files.length)
        result.errors.unshift({ file: upload.filename, message: opts.nothing });
      return result;
    },
    async parseFiles(fetched, context, origin) {
      const budget = new UnpackBudget(context.maxBytes, origin);
      const files: UploadedFile[] = [];
      for (const file of fetched) {
        const unpacked = await unpackUpload(file, context.maxBytes, budget);
        // Members of a fetched archive are named inside it.
        files.push(
          ...(isArchive(file.body)
            ? unpacked.map(f => ({ ...f, path: `${file.filename}/${f.path}` }))
            : unpacked),
        );
      }
      return {
        ...translateFiles(files, context, opts.translate),
        files: files.length,
      };
    },
  };
}
