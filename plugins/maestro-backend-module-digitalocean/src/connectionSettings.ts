import { DiscoveryConnection } from '@maestro/plugin-maestro-node';

export const DEFAULT_API_ENDPOINT = 'https://api.digitalocean.com';
export const DEFAULT_SPACES_ENDPOINT =
  'https://{region}.digitaloceanspaces.com';
const DEFAULT_MAX_ATTEMPTS = 6;

/** Spaces access: an S3 key pair and the regions whose buckets to list. */
export interface SpacesSettings {
  accessKeyId: string;
  secretAccessKey: string;
  regions: string[];
  /** Endpoint of a region, `{region}` standing for its slug. */
  endpointTemplate: string;
}

/** A DigitalOcean connection as its tasks use it. */
export interface DigitalOceanSettings {
  token: string;
  endpoint: string;
  /** Tries per call, the first included. */
  maxAttempts: number;
  /** Absent when the connection has no Spaces key. */
  spaces?: SpacesSettings;
}

/** `nyc3, ams3` → `['nyc3', 'ams3']`. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** The regional Spaces endpoint, e.g. `https://nyc3.digitaloceanspaces.com`. */
export function spacesEndpoint(template: string, region: string): string {
  return template.replace(/\{region\}/g, region).replace(/\/+$/, '');
}

/**
 * Reads a connection's fields; empty overrides fall back to DigitalOcean's
 * own endpoints. `maxAttempts` is not a form field: tests and benchmarks
 * set it to shorten retries.
 */
export function readSettings(
  connection: DiscoveryConnection,
): DigitalOceanSettings {
  const { settings, credentials } = connection;
  const accessKeyId = settings.spacesAccessKeyId;
  const secretAccessKey = credentials.spacesSecretAccessKey;
  return {
    token: credentials.token ?? '',
    endpoint: settings.endpoint || DEFAULT_API_ENDPOINT,
    maxAttempts: Number(settings.maxAttempts) || DEFAULT_MAX_ATTEMPTS,
    spaces:
      accessKeyId && secretAccessKey
        ? {
            accessKeyId,
            secretAccessKey,
            regions: splitList(settings.spacesRegions),
            endpointTemplate:
              settings.spacesEndpoint || DEFAULT_SPACES_ENDPOINT,
          }
        : undefined,
  };
}
