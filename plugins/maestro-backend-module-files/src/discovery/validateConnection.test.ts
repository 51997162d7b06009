import { generateKey } from '../__testUtils__/sftpTestServer';
import { validateFilesConnection } from './validateConnection';

const key = generateKey();
const lockedKey = generateKey('s3cret');

const ssh = (
  settings: Record<string, string> = {},
  credentials: Record<string, string> = {},
) =>
  validateFilesConnection({
    settings: {
      transport: 'ssh',
      host: 'ansible.example.internal',
      username: 'inventory',
      path: '/opt/ansible-facts/',
      ...settings,
    },
    credentials: { privateKey: key.privateKey, ...credentials },
  });

const s3 = (
  settings: Record<string, string> = {},
  credentials: Record<string, string> = {},
) =>
  validateFilesConnection({
    settings: {
      transport: 's3',
      bucket: 'tf-state.prod',
      prefix: 'env/prod/terraform.tfstate',
      region: 'eu-west-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      ...settings,
    },
    credentials: { secretAccessKey: 'wJalrXUtnFEMI', ...credentials },
  });

describe('validateFilesConnection', () => {
  it('accepts complete SSH and S3 connections', () => {
    expect(ssh()).toEqual([]);
    expect(ssh({ host: '10.0.0.5', port: '2222' })).toEqual([]);
    expect(ssh({ host: 'fd00::5' })).toEqual([]);
    expect(
      ssh({}, { privateKey: lockedKey.privateKey, passphrase: 's3cret' }),
    ).toEqual([]);
    expect(s3()).toEqual([]);
    expect(
      s3({
        endpoint: 'http://minio.internal:9000',
        region: 'garage',
        accessKeyId: 'minio-admin',
      }),
    ).toEqual([]);
  });

  it('needs a known transport', () => {
    expect(
      validateFilesConnection({
        settings: { transport: 'ftp' },
        credentials: {},
      }),
    ).toEqual([{ field: 'transport', message: 'must be one of: ssh, s3' }]);
  });

  it('names each missing field of the transport', () => {
    expect(
      validateFilesConnection({
        settings: { transport: 'ssh' },
        credentials: {},
      }).map(p => p.field),
    ).toEqual(['host', 'username', 'path', 'privateKey']);
    expect(
      validateFilesConnection({
        settings: { transport: 's3' },
        credentials: {},
      }).map(p => p.field),
    ).toEqual(['bucket', 'region', 'accessKeyId', 'secretAccessKey']);
  });

  it('checks the SSH fields', () => {
    expect(ssh({ port: '0' })).toEqual([
      { field: 'port', message: 'must be a number from 1 to 65535' },
    ]);
    expect(ssh({ port: '65536' })[0].field).toBe('port');
    expect(ssh({ port: '22x' })[0].field).toBe('port');
    expect(ssh({ host: 'ssh://host:22' })[0].field).toBe('host');
    expect(ssh({ hostKey: 'MD5:ab:cd' })[0].field).toBe('hostKey');
    expect(ssh({ hostKey: `SHA256:${'A'.repeat(43)}` })).toEqual([]);
  });

  it('reads the private key as ssh2 will, naming the field to fix', () => {
    expect(ssh({}, { privateKey: 'not a key' })).toEqual([
      {
        field: 'privateKey',
        message: expect.stringMatching(
          /^is not a private key in PEM or OpenSSH format/,
        ),
      },
    ]);
    expect(ssh({}, { privateKey: key.publicKey })).toEqual([
      {
        field: 'privateKey',
        message: 'is a public key; the private key is needed',
      },
    ]);
    expect(ssh({}, { privateKey: lockedKey.privateKey })).toEqual([
      {
        field: 'passphrase',
        message: 'is required: the private key is encrypted',
      },
    ]);
    expect(
      ssh({}, { privateKey: lockedKey.privateKey, passphrase: 'wrong' }),
    ).toEqual([
      { field: 'passphrase', message: 'does not decrypt the private key' },
    ]);
  });

  it('checks the S3 fields', () => {
    expect(s3({ bucket: 'Bad_Bucket' })[0].field).toBe('bucket');
    expect(s3({ region: 'europe' })[0].field).toBe('region');
    expect(s3({ accessKeyId: 'lowercase' })[0].field).toBe('accessKeyId');
    expect(s3({ endpoint: 'minio.internal:9000' })).toEqual([
      { field: 'endpoint', message: 'must be an http(s) URL' },
    ]);
    expect(s3({ endpoint: 'ftp://minio.internal' })[0].field).toBe('endpoint');
  });
});
