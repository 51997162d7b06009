import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Auth: guest in development, GitHub in production (app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// Catalog, with the Maestro kinds and the store-to-catalog entity provider.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@maestro/plugin-scaffolder-backend-module-maestro'));

// Permissions
backend.add(import('@backstage/plugin-permission-backend'));
// Maestro's per-record access (owner, read/write/admin entries, teams).
backend.add(import('@maestro/plugin-permission-backend-module-maestro-policy'));

// Search: PostgreSQL engine when the database is PostgreSQL, Lunr otherwise.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
// Notifications also by email: SMTP in production (app-config.production.yaml).
backend.add(import('@backstage/plugin-notifications-backend-module-email'));
backend.add(import('@backstage/plugin-signals-backend'));
// Events between plugins (and replicas): the Maestro store tells the catalog
// when it has changes.
backend.add(import('@backstage/plugin-events-backend'));

// Maestro
backend.add(import('@maestro/plugin-maestro-backend'));
backend.add(import('@maestro/plugin-maestro-backend-module-files'));
backend.add(import('@maestro/plugin-maestro-backend-module-aws'));
backend.add(import('@maestro/plugin-maestro-backend-module-azure'));
backend.add(import('@maestro/plugin-maestro-backend-module-openstack'));
backend.add(import('@maestro/plugin-maestro-backend-module-digitalocean'));
backend.add(import('@maestro/plugin-catalog-backend-module-maestro'));

backend.start();
