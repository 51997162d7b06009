import {
  FileParseContext,
  FileUpload,
  MaestroFileFormat,
  ParsedFiles,
} from '@maestro/plugin-maestro-node';
import { unpackUpload } from '../upload/unpackUpload';
import { readJsonFile } from '../upload/readText';
import { FactsError, translateFacts } from './translateFacts';

/** Ansible facts: one JSON file per host, as `ansible -m setup --tree out/` writes them. */
export const ansibleFactsFormat: MaestroFileFormat = {
  id: 'ansible',
  title: 'Ansible facts',
  async parse(
    upload: FileUpload,
    context: FileParseContext,
  ): Promise<ParsedFiles> {
    const files = (await unpackUpload(upload, context.maxBytes)).filter(
      f => !f.path.split('/').some(part => part.startsWith('.')),
    );
    const result: ParsedFiles = { entities: [], skipped: [], errors: [] };
    if (!files.length) {
      result.errors.push({
        file: upload.filename,
        message: 'holds no facts files (expected one JSON file per host)',
      });
      return result;
    }
    for (const file of files) {
      const read = readJsonFile(file);
      if ('problem' in read) {
        result.errors.push(read.problem);
        continue;
      }
      try {
        result.entities.push(
          ...translateFacts(read.value, { datacenter: context.datacenter }),
        );
      } catch (e) {
        if (!(e instanceof FactsError)) throw e;
        result.errors.push({ file: file.path, message: e.message });
      }
    }
    return result;
  },
};
