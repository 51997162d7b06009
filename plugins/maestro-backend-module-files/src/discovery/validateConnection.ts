import { ParsedKey, utils } from 'ssh2';
import { FINGERPRINT } from '../fetch/ssh/hostKey';
import { normalizePrivateKey } from '../fetch/ssh/privateKey';
import { TRANSPORTS, Transport } from './connectionFields';

type Problem = { field: string; message: string };

const HOSTNAME =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6 = /^\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const AWS_ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

/** The problem of a private key ssh2 cannot use, on the field to fix. */
function privateKeyProblem(
  key: string,
  passphrase?: string,
): Problem | undefined {
  const parsed = utils.parseKey(
    normalizePrivateKey(key),
    passphrase || undefined,
  );
  if (parsed instanceof Error) {
    if (/no passphrase given/.test(parsed.message))
      return {
        field: 'passphrase',
        message: 'is required: the private key is encrypted',
      };
    if (/passphrase|decrypt/i.test(parsed.message))
      return {
        field: 'passphrase',
        message: 'does not decrypt the private key',
      };
    return {
      field: 'privateKey',
      message: `is not a private key in PEM or OpenSSH format (${parsed.message})`,
    };
  }
  const first: ParsedKey = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!first?.isPrivateKey())
    return {
      field: 'privateKey',
      message: 'is a public key; the private key is needed',
    };
  return undefined;
}

function sshProblems(
  settings: Record<string, string>,
  credentials: Record<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['host', 'username', 'path'])
    if (!settings[field])
      problems.push({ field, message: 'is required with transport ssh' });
  if (!credentials.privateKey)
    problems.push({
      field: 'privateKey',
      message: 'is required with transport ssh',
    });
  const { host, port, hostKey } = settings;
  if (host && !HOSTNAME.test(host) && !IPV6.test(host))
    problems.push({
      field: 'host',
      message: 'must be a host name or an IP address, without scheme or port',
    });
  if (port && !(/^\d{1,5}$/.test(port) && +port >= 1 && +port <= 65535))
    problems.push({
      field: 'port',
      message: 'must be a number from 1 to 65535',
    });
  if (hostKey && !FINGERPRINT.test(hostKey))
    problems.push({
      field: 'hostKey',
      message:
        'must be a SHA256 fingerprint as ssh-keygen -lf prints it (SHA256: and 43 characters)',
    });
  if (credentials.privateKey) {
    const problem = privateKeyProblem(
      credentials.privateKey,
      credentials.passphrase,
    );
    if (problem) problems.push(problem);
  }
  return problems;
}

function s3Problems(
  settings: Record<string, string>,
  credentials: Record<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['bucket', 'region', 'accessKeyId'])
    if (!settings[field])
      problems.push({ field, message: 'is required with transport s3' });
  if (!credentials.secretAccessKey)
    problems.push({
      field: 'secretAccessKey',
      message: 'is required with transport s3',
    });
  const { bucket, region, accessKeyId, endpoint } = settings;
  // Other S3-compatible stores name regions and keys their own way.
  const aws = !endpoint;
  if (bucket && !BUCKET.test(bucket))
    problems.push({
      field: 'bucket',
      message: 'must be 3 to 63 lower-case letters, digits, dots and hyphens',
    });
  if (region && !(aws ? AWS_REGION : /^[\w-]+$/).test(region))
    problems.push({ field: 'region', message: 'is not a region name' });
  if (accessKeyId && !(aws ? AWS_ACCESS_KEY_ID : /^\S+$/).test(accessKeyId))
    problems.push({ field: 'accessKeyId', message: 'is not an access key ID' });
  if (endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname)
      problems.push({ field: 'endpoint', message: 'must be an http(s) URL' });
  }
  return problems;
}

/** Checks a files connection: the transport, then the fields it needs. */
export function validateFilesConnection({
  settings,
  credentials,
}: {
  settings: Record<string, string>;
  credentials: Record<string, string>;
}): Problem[] {
  const transport = settings.transport as Transport;
  if (!TRANSPORTS.includes(transport))
    return [
      {
        field: 'transport',
        message: `must be one of: ${TRANSPORTS.join(', ')}`,
      },
    ];
  return transport === 'ssh'
    ? sshProblems(settings, credentials)
    : s3Problems(settings, credentials);
}
