import { HttpAuthService } from '@backstage/backend-plugin-api';
import express, { ErrorRequestHandler } from 'express';
import Router from 'express-promise-router';
import { RecordStore } from '../store/RecordStore';
import { WritePath } from '../writePath/WritePath';
import { RecordInputError } from '../writePath/translate';
import { ImportService } from '../import/ImportService';
import { recordRoutes } from './routes/records';
import { changeRoutes } from './routes/changes';
import { metaRoutes } from './routes/meta';
import { importRoutes } from './routes/importRoutes';
import { openApiRoutes } from './routes/openapi';
import { DiscoveryService, discoveryRoutes } from '../discovery';
import { inventoryRoutes } from '../inventory';
import {
  AccessStore,
  ObjectAccess,
  RecordAccess,
  accessRoutes,
  objectAccessRoutes,
} from '../access';
import { schedulerRoutes } from '../scheduler';
import { SettingsStore, settingsRoutes } from '../settings';
import { AnalyticsServices, analyticsRoutes } from '../analytics';
import { ReportServices, reportRoutes } from '../reports';
import { JobServices, jobRoutes } from '../jobs';
import { catalogEntityRoutes } from '../catalogMirror';
import {
  DEFAULT_MAX_UPLOAD_BYTES,
  FileFormatRegistry,
  fileImportRoutes,
} from '../import/files';

export interface RouterOptions {
  store: RecordStore;
  writePath: WritePath;
  importer: ImportService;
  httpAuth: HttpAuthService;
  /** Who may read, change, delete and share each record. */
  access: RecordAccess;
  accessStore: AccessStore;
  /** Who may read, change, delete and share each report, graph and connection. */
  objectAccess: ObjectAccess;
  /** Connections and crawlers; absent where discovery is not wired. */
  discovery?: DiscoveryService;
  /** Business graphs and share links; absent where analytics is not wired. */
  analytics?: AnalyticsServices;
  /** Saved reports, exports and charts; absent where reports are not wired. */
  reports?: ReportServices;
  /** Custom scheduled jobs (webhooks, chains); absent where not wired. */
  jobs?: JobServices;
  /** File formats (Ansible facts, Terraform state) that modules added. */
  fileFormats?: FileFormatRegistry;
  /** Largest upload or unpacked archive (maestro.import.maxUploadBytes). */
  maxUploadBytes?: number;
}

/** Field errors go out whole, so a form can show each next to its field. */
const fieldErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof RecordInputError || error?.fieldErrors) {
    res.status(400).json({
      error: { name: 'InputError', message: error.message },
      fieldErrors: error.fieldErrors,
    });
    return;
  }
  next(error);
};

export function createRouter(options: RouterOptions): express.Router {
  const router = Router();
  // File uploads are raw bytes with their own limit: before the JSON parser.
  router.use(
    fileImportRoutes({
      formats: options.fileFormats ?? new FileFormatRegistry(),
      writePath: options.writePath,
      httpAuth: options.httpAuth,
      maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    }),
  );
  // Imports of a large Maestro 0.6 export come in one request.
  router.use(express.json({ limit: '50mb' }));
  router.use(openApiRoutes());
  router.use(recordRoutes(options));
  router.use(changeRoutes(options));
  router.use(catalogEntityRoutes(options));
  const settings = new SettingsStore(options.store.knex);
  router.use(metaRoutes({ ...options, settings }));
  router.use(accessRoutes(options));
  router.use(objectAccessRoutes(options));
  router.use(settingsRoutes({ settings, httpAuth: options.httpAuth }));
  router.use(importRoutes(options));
  router.use(discoveryRoutes(options));
  router.use(inventoryRoutes(options));
  router.use(analyticsRoutes(options));
  router.use(reportRoutes(options));
  router.use(jobRoutes({ services: options.jobs, httpAuth: options.httpAuth }));
  router.use(schedulerRoutes(options));
  router.use(fieldErrorHandler);
  return router;
}
