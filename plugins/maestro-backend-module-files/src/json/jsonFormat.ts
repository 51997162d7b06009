import { jsonFilesFormat } from '../upload/parseJsonFiles';
import { translateJsonImport } from './translateJsonImport';

/** Maestro's JSON import format: servers, applications, volumes, snapshots, images, flavors. */
export const maestroJsonFormat = jsonFilesFormat({
  id: 'json',
  title: 'Maestro JSON',
  translate: (document, _file, context) =>
    translateJsonImport(document, { datacenter: context.datacenter }),
  nothing: 'holds no JSON file',
});
