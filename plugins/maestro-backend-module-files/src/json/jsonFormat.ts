import {
  FileParseContext,
  FileUpload,
  MaestroFileFormat,
  ParsedFiles,
} from '@maestro/plugin-maestro-node';
import { unpackUpload } from '../upload/unpackUpload';
import { readJsonFile } from '../upload/readText';
import { translateJsonImport } from './translateJsonImport';

/** Maestro's JSON import format: servers, applications, volumes, snapshots, images, flavors. */
export const maestroJsonFormat: MaestroFileFormat = {
  id: 'json',
  title: 'Maestro JSON',
  async parse(
    upload: FileUpload,
    context: FileParseContext,
  ): Promise<ParsedFiles> {
    const files = await unpackUpload(upload, context.maxBytes);
    const result: ParsedFiles = { entities: [], skipped: [], errors: [] };
    if (!files.length)
      result.errors.push({
        file: upload.filename,
        message: 'holds no JSON file',
      });
    for (const file of files) {
      const read = readJsonFile(file);
      if ('problem' in read) {
        result.errors.push(read.problem);
        continue;
      }
      const translated = translateJsonImport(read.value, {
        datacenter: context.datacenter,
      });
      result.entities.push(...translated.entities);
      result.errors.push(
        ...translated.errors.map(e => ({ file: file.path, ...e })),
      );
    }
    return result;
  },
};
