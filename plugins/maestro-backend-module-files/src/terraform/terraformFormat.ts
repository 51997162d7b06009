import {
  FileParseContext,
  FileUpload,
  MaestroFileFormat,
  ParsedFiles,
} from '@maestro/plugin-maestro-node';
import { unpackUpload } from '../upload/unpackUpload';
import { readJsonFile } from '../upload/readText';
import { translateState } from './translateState';

/** Terraform state files (format version 4): AWS and Azure servers, disks, snapshots. */
export const terraformStateFormat: MaestroFileFormat = {
  id: 'terraform',
  title: 'Terraform state',
  async parse(
    upload: FileUpload,
    context: FileParseContext,
  ): Promise<ParsedFiles> {
    const files = await unpackUpload(upload, context.maxBytes);
    const result: ParsedFiles = { entities: [], skipped: [], errors: [] };
    if (!files.length)
      result.errors.push({
        file: upload.filename,
        message: 'holds no state file',
      });
    for (const file of files) {
      const read = readJsonFile(file);
      if ('problem' in read) {
        result.errors.push(read.problem);
        continue;
      }
      const state = translateState(read.value, {
        datacenter: context.datacenter,
      });
      result.entities.push(...state.entities);
      result.skipped.push(
        ...state.skipped.map(s => ({ file: file.path, ...s })),
      );
      result.errors.push(...state.errors.map(e => ({ file: file.path, ...e })));
    }
    return result;
  },
};
