import { DiscoveryConnectionField } from '@maestro/plugin-maestro-node';

/** How the files reach Maestro. */
export type Transport = 'ssh' | 's3';
export const TRANSPORTS: Transport[] = ['ssh', 's3'];

/**
 * The fields of a files connection: the transport, then the fields of each
 * transport (only those of the chosen one are read).
 */
export const FILES_CONNECTION_FIELDS: DiscoveryConnectionField[] = [
  {
    name: 'transport',
    title: 'Transport',
    description: '`ssh` (SFTP from a host) or `s3` (a bucket).',
    required: true,
  },
  // SSH
  {
    name: 'host',
    title: 'Host',
    description: 'SSH server name or address, e.g. the Ansible control node.',
    resetsState: true,
  },
  {
    name: 'port',
    title: 'Port',
    description: 'SSH port; 22 when empty.',
    resetsState: true,
  },
  { name: 'username', title: 'Username', description: 'SSH user.' },
  {
    name: 'privateKey',
    title: 'SSH private key',
    description:
      'PEM or OpenSSH private key of the user (its public key in authorized_keys).',
    secret: true,
  },
  {
    name: 'passphrase',
    title: 'Key passphrase',
    description: 'When the private key is encrypted.',
    secret: true,
  },
  {
    name: 'path',
    title: 'Path',
    description:
      'A folder, read recursively (e.g. /opt/ansible-facts/, the output of ansible --tree), or one file.',
  },
  {
    name: 'hostKey',
    title: 'Host key fingerprint',
    description:
      'SHA256:… as ssh-keygen -lf prints it. When empty, the key seen on the first connection is pinned and any other key later fails the run.',
    resetsState: true,
  },
  // S3
  { name: 'bucket', title: 'Bucket name' },
  {
    name: 'prefix',
    title: 'Bucket path',
    description:
      'Key prefix to read under, e.g. facts/ or prod/terraform.tfstate; the whole bucket when empty.',
  },
  { name: 'region', title: 'Region', description: 'e.g. us-east-1.' },
  { name: 'accessKeyId', title: 'Access key ID' },
  { name: 'secretAccessKey', title: 'Secret access key', secret: true },
  {
    name: 'endpoint',
    title: 'Endpoint',
    description:
      'URL of another S3-compatible store (MinIO, Ceph, ...); AWS when empty.',
  },
];
