import { DiscoveryConnection } from '@maestro/plugin-maestro-node';

/** A Keystone domain or project named by id or by name. */
export type KeystoneRef = { id: string } | { name: string };

/** Interfaces a connection may reach the services through. */
export const OPENSTACK_INTERFACES = ['public', 'internal'] as const;
export type OpenStackInterface = (typeof OPENSTACK_INTERFACES)[number];

/** Identity API versions Maestro speaks (v2.0 left Keystone in Queens). */
export const IDENTITY_API_VERSIONS = ['3'];

/** A connection's fields, read and normalised. */
export interface OpenStackSettings {
  /** Keystone v3 base, e.g. `https://keystone.example.com:5000/v3`. */
  identityUrl: string;
  username: string;
  password: string;
  userDomain: KeystoneRef;
  project: { id: string } | { name: string; domain: KeystoneRef };
  /** Regions to scan; empty: every region of the catalog. */
  regions: string[];
  interface: OpenStackInterface;
  /** Attempts per call (throttling and transient errors). */
  maxAttempts: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * A domain as the user typed it: `default` and 32 hex digits are ids (as
 * Keystone mints them), anything else a name such as `Default`.
 */
export function keystoneRef(value: string | undefined): KeystoneRef {
  const v = (value ?? '').trim() || 'Default';
  return v === 'default' || /^[0-9a-f]{32}$/.test(v) ? { id: v } : { name: v };
}

/**
 * The Keystone v3 base of an auth URL as clouds publish it: with `/v3`
 * (`OS_AUTH_URL=https://host:5000/v3`) or without (`https://host/identity`).
 */
export function identityBaseUrl(authUrl: string): string {
  const trimmed = authUrl.trim().replace(/\/+$/, '');
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map(v => v.trim())
    .filter(Boolean);
}

/** Reads a connection's settings and secrets (validated when saved). */
export function readOpenStackSettings(
  connection: Pick<DiscoveryConnection, 'settings' | 'credentials'>,
): OpenStackSettings {
  const { settings, credentials } = connection;
  const projectDomain = keystoneRef(settings.projectDomain);
  return {
    identityUrl: identityBaseUrl(settings.authUrl ?? ''),
    username: settings.username ?? '',
    password: credentials.password ?? '',
    userDomain: keystoneRef(settings.userDomain),
    project: settings.projectId
      ? { id: settings.projectId.trim() }
      : { name: (settings.projectName ?? '').trim(), domain: projectDomain },
    regions: splitList(settings.region),
    interface: (settings.interface || 'public') as OpenStackInterface,
    maxAttempts: Number(settings.maxAttempts) || DEFAULT_MAX_ATTEMPTS,
  };
}
