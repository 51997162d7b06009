/**
 * Maestro discovery from files: Ansible facts and Terraform state.
 *
 * @packageDocumentation
 */
export { maestroModuleFiles as default } from './module';
export { ansibleFactsFormat } from './ansible/ansibleFormat';
export { terraformStateFormat } from './terraform/terraformFormat';
export { maestroJsonFormat } from './json/jsonFormat';
export { translateFacts } from './ansible/translateFacts';
export { translateState } from './terraform/translateState';
