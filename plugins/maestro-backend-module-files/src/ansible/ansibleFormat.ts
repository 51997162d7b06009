import { jsonFilesFormat } from '../upload/parseJsonFiles';
import { FactsError, translateFacts } from './translateFacts';

/** Ansible facts: one JSON file per host, as `ansible -m setup --tree out/` writes them. */
export const ansibleFactsFormat = jsonFilesFormat({
  id: 'ansible',
  title: 'Ansible facts',
  translate: (document, file, context) => {
    // Hidden files (.DS_Store, ._web-1) of an archive are not facts.
    if (file.split('/').some(part => part.startsWith('.')))
      return { entities: [], errors: [] };
    try {
      return {
        entities: translateFacts(document, { datacenter: context.datacenter }),
        errors: [],
      };
    } catch (e) {
      if (!(e instanceof FactsError)) throw e;
      return { entities: [], errors: [{ message: e.message }] };
    }
  },
  nothing: 'holds no facts files (expected one JSON file per host)',
});
