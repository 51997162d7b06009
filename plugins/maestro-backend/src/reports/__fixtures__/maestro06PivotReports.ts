/**
 * Maestro 0.6 pivot reports as its report form saved them: `report` and
 * `component` are 'pivot', `filters` holds one table per level of the chain
 * (title, icon, enabled, filters), the last one with `arrowhidden`. One per
 * shape the form can produce.
 */

const active = [
  { field: 'active', filter: 'true', comparer: 'equal', typ: 'boolean' },
];

function table(
  title: string,
  icon: string,
  enabled: boolean,
  filters: object[] = active,
) {
  return { title, icon, enabled, filters };
}

/** The form's default: every table on, each with `active equal true`. */
export const ALL_LEVELS = {
  name: 'Clients to servers',
  report: 'pivot',
  component: 'pivot',
  status: 'process',
  filters: {
    clients: table('Clients', 'fa-user-o', true),
    systems: table('Systems', 'fa-briefcase', true),
    applications: table('Applications', 'fa-code', true),
    servers: { ...table('Servers', 'fa-server', true), arrowhidden: true },
  },
};

/** The first two tables; applications and servers switched off. */
export const CLIENTS_SYSTEMS = {
  name: 'Clients and their systems',
  report: 'pivot',
  component: 'pivot',
  status: 'process',
  filters: {
    clients: table('Clients', 'fa-user-o', true),
    systems: table('Systems', 'fa-briefcase', true),
    applications: table('Applications', 'fa-code', false),
    servers: { ...table('Servers', 'fa-server', false), arrowhidden: true },
  },
};

/** The last three tables, filtered on a select, a number and an object. */
export const SYSTEMS_TO_SERVERS = {
  name: 'Production servers of systems',
  report: 'pivot',
  component: 'pivot',
  status: 'finished',
  filters: {
    clients: table('Clients', 'fa-user-o', false),
    systems: table('Systems', 'fa-briefcase', true),
    applications: table('Applications', 'fa-code', true, [
      ...active,
      {
        field: 'environment',
        filter: 'Production',
        comparer: 'equal',
        typ: 'select',
      },
    ]),
    servers: {
      ...table('Servers', 'fa-server', true, [
        ...active,
        { field: 'cpu', filter: 0, comparer: 'greater', typ: 'number' },
        {
          field: 'os',
          filter: null,
          comparer: 'equal',
          subfield: 'base',
          subfilter: 'Linux',
          typ: 'object',
        },
      ]),
      arrowhidden: true,
    },
  },
};

/**
 * Applications and their servers, on a string and a date; the form sent
 * the tables as a JSON string (the report API took `filters` as text).
 */
export const APPLICATIONS_SERVERS = {
  name: 'Applications and servers',
  report: 'pivot',
  component: 'pivot',
  status: 'process',
  filters: JSON.stringify({
    clients: table('Clients', 'fa-user-o', false),
    systems: table('Systems', 'fa-briefcase', false),
    applications: table('Applications', 'fa-code', true, [
      { field: 'name', filter: 'a', comparer: 'contain', typ: 'string' },
    ]),
    servers: {
      ...table('Servers', 'fa-server', true, [
        {
          field: 'created_at',
          filter: '2000-01-01',
          comparer: 'after',
          typ: 'date',
        },
      ]),
      arrowhidden: true,
    },
  }),
};

/** One table only: servers with an attached volume (an array of objects). */
export const SERVERS_ONLY = {
  name: 'Servers with attached volumes',
  report: 'pivot',
  component: 'pivot',
  status: 'process',
  filters: {
    clients: table('Clients', 'fa-user-o', false),
    systems: table('Systems', 'fa-briefcase', false),
    applications: table('Applications', 'fa-code', false),
    servers: {
      ...table('Servers', 'fa-server', true, [
        ...active,
        {
          field: 'storage',
          filter: null,
          comparer: 'equal',
          subfield: 'type',
          subfilter: 'attached',
          typ: 'array',
        },
      ]),
      arrowhidden: true,
    },
  },
};

export const PIVOT_SHAPES = {
  ALL_LEVELS,
  CLIENTS_SYSTEMS,
  SYSTEMS_TO_SERVERS,
  APPLICATIONS_SERVERS,
  SERVERS_ONLY,
};
