import { DiscoverySource } from '@maestro/plugin-maestro-node';
import { FetchLimits } from '../fetch/fetchLimits';
import { JsonFilesFormat } from '../upload/parseJsonFiles';
import { FILES_CONNECTION_FIELDS } from './connectionFields';
import { filesTask } from './filesTask';
import { validateFilesConnection } from './validateConnection';

/**
 * A connection type that reads files of a format from a folder over SSH
 * or from an S3 bucket path, on a schedule (connection type = format id:
 * `ansible`, `terraform`, `json`).
 */
export function filesDiscoverySource(
  format: JsonFilesFormat,
  limits: FetchLimits,
): DiscoverySource {
  return {
    type: format.id,
    title: `${format.title} (SSH, S3)`,
    fields: FILES_CONNECTION_FIELDS,
    tasks: [filesTask(format, limits)],
    validate: validateFilesConnection,
  };
}
