import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** A key and the self-signed certificate that goes with it, in PEM. */
export interface SelfSignedCertificate {
  key: string;
  cert: string;
}

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost, made with
 * the `openssl` CLI (Node cannot issue X.509 certificates). It lives two
 * days and its key never leaves the process, so nothing secret is
 * committed. Clients trust it by adding `cert` to their CA list: SDKs that
 * refuse plain HTTP (the Azure ones) then talk to the fake over real TLS.
 */
export function selfSignedCertificate(): SelfSignedCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'fake-cloud-tls-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'pipe' },
    );
    return {
      key: readFileSync(keyFile, 'utf8'),
      cert: readFileSync(certFile, 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
