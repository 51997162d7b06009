/**
 * Maestro discovery from files: Ansible facts, Terraform state and Maestro
 * JSON, uploaded or fetched on a schedule over SSH or from S3.
 *
 * @packageDocumentation
 */
export { maestroModuleFiles as default } from './module';
export { ansibleFactsFormat } from './ansible/ansibleFormat';
export { terraformStateFormat } from './terraform/terraformFormat';
export { maestroJsonFormat } from './json/jsonFormat';
export { translateFacts } from './ansible/translateFacts';
export { translateState } from './terraform/translateState';
export type { JsonFilesFormat } from './upload/parseJsonFiles';
