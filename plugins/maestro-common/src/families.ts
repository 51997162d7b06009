/**
 * Maestro 0.6 groups applications and managed services in "families". An
 * Application is a Backstage Component; every other family is a Backstage
 * Resource whose `spec.type` is the family's type below.
 */
export interface MaestroFamily {
  /** The family as Maestro 0.6 names it (stored in `spec.family`). */
  family: string;
  /** The Backstage `spec.type` of the entity. */
  type: string;
  /** Plural title for lists and menus. */
  title: string;
}

export const MAESTRO_FAMILIES: readonly MaestroFamily[] = [
  { family: 'Application', type: 'service', title: 'Applications' },
  { family: 'Loadbalance', type: 'load-balancer', title: 'Load Balancers' },
  { family: 'Database', type: 'database', title: 'Databases' },
  { family: 'Cache', type: 'cache', title: 'Caches' },
  { family: 'Broker', type: 'broker', title: 'Brokers/Streams' },
  { family: 'CI/CD', type: 'ci-cd', title: 'CI/CD' },
  { family: 'Serverless', type: 'serverless', title: 'Serverless' },
  {
    family: 'ServiceDiscovery',
    type: 'service-discovery',
    title: 'Service Discovery',
  },
  { family: 'ApiGateway', type: 'api-gateway', title: 'API Gateways' },
  { family: 'CDN', type: 'cdn', title: 'CDNs' },
  { family: 'AutoScaling', type: 'auto-scaling', title: 'Auto Scaling' },
  {
    family: 'AutoScalingPlan',
    type: 'auto-scaling-plan',
    title: 'Auto Scaling Plans',
  },
  { family: 'ObjectStorage', type: 'object-storage', title: 'Object Storages' },
  {
    family: 'ContainerOrchestration',
    type: 'container-orchestration',
    title: 'Containers Orchestration',
  },
  { family: 'ServiceMesh', type: 'service-mesh', title: 'Service Mesh' },
  { family: 'Repository', type: 'repository', title: 'Repositories' },
  { family: 'Monitor', type: 'monitoring', title: 'Monitoring' },
  { family: 'Logs', type: 'logs', title: 'Logs' },
  { family: 'SMTP', type: 'email', title: 'Emails (SMTP/MTA)' },
  { family: 'VPN', type: 'vpn', title: 'VPNs' },
  { family: 'DNS', type: 'dns', title: 'DNS' },
  { family: 'Auth', type: 'auth', title: 'Auth' },
  { family: 'NAS', type: 'nas', title: 'NAS' },
  { family: 'Corporate', type: 'corporate', title: 'Corporate' },
  {
    family: 'MachineLearning',
    type: 'machine-learning',
    title: 'Machine Learning',
  },
];

const byFamily = new Map(
  MAESTRO_FAMILIES.map(f => [f.family.toLowerCase(), f]),
);
const byType = new Map(MAESTRO_FAMILIES.map(f => [f.type, f]));

/** Finds a family by its Maestro name (case-insensitive) or its Backstage type. */
export function findFamily(nameOrType: string): MaestroFamily | undefined {
  return byFamily.get(nameOrType.toLowerCase()) ?? byType.get(nameOrType);
}
