import { jsonFilesFormat } from '../upload/parseJsonFiles';
import { translateState } from './translateState';

/** Terraform state files (format version 4): AWS and Azure servers, disks, snapshots. */
export const terraformStateFormat = jsonFilesFormat({
  id: 'terraform',
  title: 'Terraform state',
  translate: (document, _file, context) =>
    translateState(document, { datacenter: context.datacenter }),
  nothing: 'holds no state file',
  // Beside a state, Terraform keeps the previous one (.backup) and, while it
  // runs, a lock (.tflock): neither is current inventory.
  readsFile: name => !/\.(backup|tflock)$/.test(name),
});
