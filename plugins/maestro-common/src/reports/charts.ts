/**
 * The aggregations a report page charts, per kind (Maestro 0.6 seed 4.4):
 * counts of records by a field's value, or by the elements of an array.
 */
export interface ReportChartDefinition {
  id: string;
  title: string;
  /** Field path counted by value. */
  path: string;
  /** Set when `path` is an array: count by element, or element subfield. */
  elements?: { subfield?: string };
}

const placement = (prefix = 'Datacenter'): ReportChartDefinition[] => [
  {
    id: 'providers',
    title: `${prefix} providers`,
    path: 'spec.datacenter.provider',
  },
  { id: 'regions', title: `${prefix} regions`, path: 'spec.datacenter.region' },
  { id: 'zones', title: `${prefix} zones`, path: 'spec.datacenter.zone' },
];

const tags: ReportChartDefinition = {
  id: 'tags',
  title: 'Tags',
  path: 'spec.tags',
  elements: { subfield: 'key' },
};

const services: ReportChartDefinition[] = [
  { id: 'family', title: 'Application family', path: 'spec.family' },
  ...placement(),
  {
    id: 'resource',
    title: 'Datacenter resource',
    path: 'spec.provider',
  },
  { id: 'sizes', title: 'Sizes', path: 'spec.size' },
  {
    id: 'dependencies',
    title: 'Application dependencies',
    path: 'spec.dependencies',
    elements: { subfield: 'protocol' },
  },
  {
    id: 'deploys',
    title: 'Application deploys',
    path: 'spec.deploy',
    elements: { subfield: 'type' },
  },
  {
    id: 'systems',
    title: 'Systems by application',
    path: 'spec.systems',
    elements: {},
  },
  { id: 'environment', title: 'Environment', path: 'spec.environment' },
  tags,
];

export const REPORT_CHARTS: Record<string, ReportChartDefinition[]> = {
  servers: [
    ...placement(),
    {
      id: 'resource',
      title: 'Datacenter resource',
      path: 'spec.serverType',
    },
    {
      id: 'instanceType',
      title: 'Datacenter instance type',
      path: 'spec.datacenter.instanceType',
    },
    { id: 'os', title: 'OS', path: 'spec.os.base' },
    { id: 'osDist', title: 'OS distribution', path: 'spec.os.dist' },
    { id: 'environment', title: 'Environment', path: 'spec.environment' },
    { id: 'sizes', title: 'Sizes (memory, GB)', path: 'spec.memory' },
    tags,
  ],
  applications: services,
  resources: services,
  systems: [
    {
      id: 'clients',
      title: 'Clients by system',
      path: 'spec.clients',
      elements: {},
    },
    {
      id: 'entryPoints',
      title: 'System entry applications',
      path: 'spec.entryPoints',
      elements: {},
    },
    tags,
  ],
  clients: [tags],
  datacenters: [
    { id: 'providers', title: 'Providers', path: 'spec.provider' },
    { id: 'regions', title: 'Regions', path: 'spec.regions', elements: {} },
    tags,
  ],
};

/** Charts of a kind plural: its own, or placement and tags for the others. */
export function reportChartsOf(kindPlural: string): ReportChartDefinition[] {
  return (
    REPORT_CHARTS[kindPlural] ?? [
      ...placement(),
      { id: 'environment', title: 'Environment', path: 'spec.environment' },
      tags,
    ]
  );
}
