import { DiscoveryProviderError } from '@maestro/plugin-maestro-node';
import { OpenStackSettings } from '../openstackSettings';
import { CatalogEntry } from './catalog';
import { readFault } from './faults';

/** A project-scoped Keystone token and what came with it. */
export interface KeystoneToken {
  /** The `X-Subject-Token`: sent as `X-Auth-Token`, never logged. */
  id: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  issuedAt: number;
  catalog: CatalogEntry[];
  project: { id: string; name?: string };
  user: { id: string; name?: string };
}

/** Keystone writes microseconds (`...17.893769Z`); Date.parse wants at most milliseconds. */
export function parseKeystoneTime(value: unknown): number {
  const normalised = String(value ?? '').replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(
    /[zZ]|[+-]\d\d:?\d\d$/.test(normalised) ? normalised : `${normalised}Z`,
  );
}

/** `POST /v3/auth/tokens` with the password method, scoped to the project. */
export function passwordAuthBody(settings: OpenStackSettings) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: settings.username,
            domain: settings.userDomain,
            password: settings.password,
          },
        },
      },
      scope: { project: settings.project },
    },
  };
}

const credentialsError = (status: number, text: string) => {
  const fault = readFault(status, text);
  return new DiscoveryProviderError({
    kind: 'credentials',
    code: fault.code ?? 'Unauthorized',
    message: `Keystone refused the credentials (${status}): ${fault.message}`,
  });
};

/**
 * Authenticates with Keystone v3 and reads the token, its expiry and the
 * service catalog. A 401 is the user name, password, domains or project
 * (Keystone never says which); other failures are the provider's.
 */
export async function authenticate(
  settings: OpenStackSettings,
  send: (url: string, init: RequestInit) => Promise<Response>,
): Promise<KeystoneToken> {
  const url = `${settings.identityUrl}/auth/tokens`;
  const res = await send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(passwordAuthBody(settings)),
  });
  const text = await res.text();
  if (res.status === 401) throw credentialsError(res.status, text);
  if (!res.ok) {
    const fault = readFault(res.status, text);
    throw new DiscoveryProviderError({
      kind: 'provider',
      code: fault.code ?? `HTTP${res.status}`,
      message: `Keystone at ${settings.identityUrl} answered ${res.status}: ${fault.message}`,
    });
  }
  const id = res.headers.get('x-subject-token');
  let token: any;
  try {
    token = JSON.parse(text).token;
  } catch {
    token = undefined;
  }
  if (!id || !token || !Array.isArray(token.catalog)) {
    throw new DiscoveryProviderError({
      kind: 'provider',
      code: 'BadTokenResponse',
      message: `Keystone at ${settings.identityUrl} answered without a token or service catalog; is it a Keystone v3 URL?`,
    });
  }
  const expiresAt = parseKeystoneTime(token.expires_at);
  return {
    id,
    expiresAt: Number.isNaN(expiresAt) ? Date.now() + 3600_000 : expiresAt,
    issuedAt: parseKeystoneTime(token.issued_at) || Date.now(),
    catalog: token.catalog,
    project: { id: token.project?.id, name: token.project?.name },
    user: { id: token.user?.id, name: token.user?.name },
  };
}
