export type {
  WebhookSpec,
  JobPeriod,
  JobInput,
  Job,
  RunTrigger,
  JobRun,
} from '@maestro/plugin-maestro-common';
