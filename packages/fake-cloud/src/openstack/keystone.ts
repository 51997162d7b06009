import { OpenStackFault } from './faults';
import { hexIdFor } from './ids';

/** A Keystone domain as tokens show it. */
export interface KeystoneDomain {
  id: string;
  name: string;
}

export interface KeystoneUser {
  id: string;
  name: string;
  password: string;
  domain: KeystoneDomain;
}

export interface KeystoneProject {
  id: string;
  name: string;
  domain: KeystoneDomain;
}

/** What a password authentication request names. */
export interface PasswordAuthRequest {
  user: { id?: string; name?: string; domain?: Partial<KeystoneDomain> };
  password: string;
  /** Unset: an unscoped token. */
  project?: { id?: string; name?: string; domain?: Partial<KeystoneDomain> };
}

const MALFORMED =
  'The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.';

/** Keystone's generic answer: it never says which part was wrong. */
export const AUTH_REQUIRED =
  'The request you have made requires authentication.';

function expect(value: unknown, what: string, where: string) {
  if (!value || typeof value !== 'object') {
    throw new OpenStackFault(
      400,
      `Expecting to find ${what} in ${where}. ${MALFORMED}`,
    );
  }
  return value as Record<string, any>;
}

/** Reads `POST /v3/auth/tokens` with the password method, as the API reference shapes it. */
export function readPasswordAuth(body: Buffer): PasswordAuthRequest {
  let json: any;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new OpenStackFault(400, `Malformed request body. ${MALFORMED}`);
  }
  const auth = expect(json?.auth, 'auth', 'request body');
  const identity = expect(auth.identity, 'identity', 'auth');
  const methods: unknown = identity.methods;
  if (!Array.isArray(methods) || !methods.includes('password')) {
    throw new OpenStackFault(401, AUTH_REQUIRED);
  }
  const password = expect(identity.password, 'password', 'identity');
  const user = expect(password.user, 'user', 'password');
  if (!user.id && !user.name) {
    throw new OpenStackFault(
      400,
      `Expecting to find id or name in user. ${MALFORMED}`,
    );
  }
  if (!user.id && !user.domain) {
    throw new OpenStackFault(
      400,
      `Expecting to find domain in user. ${MALFORMED}`,
    );
  }
  const project = auth.scope?.project;
  if (project && !project.id && !project.domain) {
    throw new OpenStackFault(
      400,
      `Expecting to find domain in project. ${MALFORMED}`,
    );
  }
  return {
    user: { id: user.id, name: user.name, domain: user.domain },
    password: String(user.password ?? ''),
    project: project
      ? { id: project.id, name: project.name, domain: project.domain }
      : undefined,
  };
}

function sameDomain(
  asked: Partial<KeystoneDomain> | undefined,
  domain: KeystoneDomain,
) {
  if (!asked) return false;
  return asked.id ? asked.id === domain.id : asked.name === domain.name;
}

export function userMatches(
  asked: PasswordAuthRequest['user'],
  user: KeystoneUser,
) {
  if (asked.id) return asked.id === user.id;
  return asked.name === user.name && sameDomain(asked.domain, user.domain);
}

export function projectMatches(
  asked: NonNullable<PasswordAuthRequest['project']>,
  project: KeystoneProject,
) {
  if (asked.id) return asked.id === project.id;
  return (
    asked.name === project.name && sameDomain(asked.domain, project.domain)
  );
}

/** A service of the catalog and where each interface reaches it. */
export interface CatalogService {
  type: string;
  name: string;
  /** The endpoint URL of a region and interface. */
  url(region: string, iface: string): string;
}

/** `token.catalog` as Keystone writes it: one endpoint per region and interface. */
export function catalogBody(services: CatalogService[], regions: string[]) {
  return services.map(service => ({
    id: hexIdFor(`service/${service.type}`),
    type: service.type,
    name: service.name,
    endpoints: regions.flatMap(region =>
      ['public', 'internal', 'admin'].map(iface => ({
        id: hexIdFor(`endpoint/${service.type}/${region}/${iface}`),
        interface: iface,
        region,
        region_id: region,
        url: service.url(region, iface),
      })),
    ),
  }));
}

/** Keystone's timestamps: microseconds and `Z`. */
export function keystoneTime(ms: number) {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
