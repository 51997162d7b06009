import { createBackendModule } from '@backstage/backend-plugin-api';
import { maestroFileFormatsExtensionPoint } from '@maestro/plugin-maestro-node';
import { ansibleFactsFormat } from './ansible/ansibleFormat';
import { terraformStateFormat } from './terraform/terraformFormat';
import { maestroJsonFormat } from './json/jsonFormat';

/** Lets Maestro read inventory from Ansible facts, Terraform state and Maestro JSON files. */
export const maestroModuleFiles = createBackendModule({
  pluginId: 'maestro',
  moduleId: 'files',
  register(env) {
    env.registerInit({
      deps: { formats: maestroFileFormatsExtensionPoint },
      async init({ formats }) {
        formats.addFileFormat(ansibleFactsFormat);
        formats.addFileFormat(terraformStateFormat);
        formats.addFileFormat(maestroJsonFormat);
      },
    });
  },
});
