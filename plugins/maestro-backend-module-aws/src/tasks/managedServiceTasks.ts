import { DiscoveryTask } from '@maestro/plugin-maestro-node';

/** Tasks of AWS's Query-protocol managed services (ELB, RDS, ElastiCache...). */
export const MANAGED_SERVICE_TASKS: DiscoveryTask[] = [];
