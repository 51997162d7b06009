import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
} from '@backstage/frontend-plugin-api';
import UploadIcon from '@material-ui/icons/CloudUpload';
import { FileImportClient, fileImportApiRef } from './api/fileImport';
import { fileImportRouteRef } from './routes';

/** `api:maestro/file-import`: the client of the backend's `/import/files`. */
export const fileImportApi = ApiBlueprint.make({
  name: 'file-import',
  params: defineParams =>
    defineParams({
      api: fileImportApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new FileImportClient(deps),
    }),
});

/** `page:maestro/import`: upload Ansible facts and Terraform state. */
export const fileImportPage = PageBlueprint.make({
  name: 'import',
  params: {
    routeRef: fileImportRouteRef,
    path: '/maestro/import',
    title: 'Import files',
    // The page draws its own header.
    noHeader: true,
    icon: <UploadIcon fontSize="inherit" />,
    loader: () =>
      import('./components/FileImport').then(m => <m.FileImportPage />),
  },
});
