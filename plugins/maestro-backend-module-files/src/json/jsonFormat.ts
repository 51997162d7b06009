import { MaestroFileFormat } from '@maestro/plugin-maestro-node';
import { parseJsonFiles } from '../upload/parseJsonFiles';
import { translateJsonImport } from './translateJsonImport';

/** Maestro's JSON import format: servers, applications, volumes, snapshots, images, flavors. */
export const maestroJsonFormat: MaestroFileFormat = {
  id: 'json',
  title: 'Maestro JSON',
  parse: (upload, context) =>
    parseJsonFiles(
      upload,
      context,
      document =>
        translateJsonImport(document, { datacenter: context.datacenter }),
      'holds no JSON file',
    ),
};
