import { MaestroFileFormat } from '@maestro/plugin-maestro-node';
import { parseJsonFiles } from '../upload/parseJsonFiles';
import { translateState } from './translateState';

/** Terraform state files (format version 4): AWS and Azure servers, disks, snapshots. */
export const terraformStateFormat: MaestroFileFormat = {
  id: 'terraform',
  title: 'Terraform state',
  parse: (upload, context) =>
    parseJsonFiles(
      upload,
      context,
      document => translateState(document, { datacenter: context.datacenter }),
      'holds no state file',
    ),
};
