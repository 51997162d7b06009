import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  maestroDiscoveryExtensionPoint,
  maestroFileFormatsExtensionPoint,
} from '@maestro/plugin-maestro-node';
import { ansibleFactsFormat } from './ansible/ansibleFormat';
import { terraformStateFormat } from './terraform/terraformFormat';
import { maestroJsonFormat } from './json/jsonFormat';
import { filesDiscoverySource } from './discovery/filesSource';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_FILES,
  DEFAULT_TIMEOUT_MS,
} from './fetch/fetchLimits';

const FORMATS = [ansibleFactsFormat, terraformStateFormat, maestroJsonFormat];

/**
 * Lets Maestro read inventory from Ansible facts, Terraform state and
 * Maestro JSON files: uploaded, or fetched on a schedule over SSH or from
 * S3 by connections of the same types.
 */
export const maestroModuleFiles = createBackendModule({
  pluginId: 'maestro',
  moduleId: 'files',
  register(env) {
    env.registerInit({
      deps: {
        formats: maestroFileFormatsExtensionPoint,
        discovery: maestroDiscoveryExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ formats, discovery, config }) {
        // Fetched files are held to what an upload may be.
        const limits = {
          maxBytes:
            config.getOptionalNumber('maestro.import.maxUploadBytes') ??
            DEFAULT_MAX_BYTES,
          maxFiles: DEFAULT_MAX_FILES,
          timeoutMs:
            (config.getOptionalNumber('maestro.files.timeoutSeconds') ??
              DEFAULT_TIMEOUT_MS / 1000) * 1000,
        };
        for (const format of FORMATS) {
          formats.addFileFormat(format);
          discovery.addSource(filesDiscoverySource(format, limits));
        }
      },
    });
  },
});
