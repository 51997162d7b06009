import http from 'http';
import https from 'https';
import { AddressInfo } from 'net';
import { FakeAws, FakeAwsOptions } from './aws/FakeAws';
import { FakeAzure, FakeAzureOptions } from './azure/FakeAzure';
import {
  FakeDigitalOcean,
  FakeDigitalOceanOptions,
} from './digitalocean/FakeDigitalOcean';
import { FakeOpenStack, FakeOpenStackOptions } from './openstack/FakeOpenStack';
import { FakeProvider, FakeResponse } from './http';
import { selfSignedCertificate } from './tls';

export interface FakeCloudOptions {
  /** Port to listen on; a free one when unset. */
  port?: number;
  aws?: FakeAwsOptions;
  azure?: FakeAzureOptions;
  digitalocean?: FakeDigitalOceanOptions;
  openstack?: FakeOpenStackOptions;
  /**
   * Also listen over TLS, on another port, with a self-signed certificate
   * made at start (`httpsUrl`, `caCertificate`). SDKs that only send
   * credentials over https (Azure) need it.
   */
  https?: boolean;
}

export interface FakeCloud {
  /** Base URL, e.g. `http://127.0.0.1:34567`: the endpoint override. */
  url: string;
  /** `https://127.0.0.1:port` when started with `https: true`: same routes as `url`. */
  httpsUrl?: string;
  /** PEM of the certificate `httpsUrl` presents, for clients to trust as a CA. */
  caCertificate?: string;
  aws: FakeAws;
  /** Served under `${url}/azure` (ARM and the Entra ID token endpoint). */
  azure: FakeAzure;
  /** Served under `${url}/digitalocean` (API v2 and Spaces). */
  digitalocean: FakeDigitalOcean;
  /** Served under `${url}/openstack` (Keystone v3 and the catalog's services). */
  openstack: FakeOpenStack;
  close(): Promise<void>;
}

/** `Credential=AKID/20260101/us-east-1/ec2/aws4_request` of a SigV4 header. */
function credentialScope(authorization: string | undefined) {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
    authorization ?? '',
  );
  return m ? { accessKeyId: m[1], region: m[2], service: m[3] } : undefined;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, answer: FakeResponse) {
  res.writeHead(answer.status, answer.headers ?? {});
  res.end(answer.body);
}

/**
 * Starts the fake cloud: one HTTP server that answers AWS Query API
 * requests (EC2, STS) in their XML wire format from generated data.
 */
export async function startFakeCloud(
  options: FakeCloudOptions = {},
): Promise<FakeCloud> {
  const aws = new FakeAws(options.aws);
  const azure = new FakeAzure(options.azure);
  const digitalocean = new FakeDigitalOcean(options.digitalocean);
  const openstack = new FakeOpenStack(options.openstack);
  const prefixed: Array<[string, FakeProvider]> = [
    ['/azure', azure],
    ['/digitalocean', digitalocean],
    ['/openstack', openstack],
  ];
  const handler = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) => {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://fake');
      const provider = prefixed.find(
        ([prefix]) =>
          url.pathname === prefix || url.pathname.startsWith(`${prefix}/`),
      );
      if (provider) {
        send(
          res,
          await provider[1].handle({
            method: req.method ?? 'GET',
            path: url.pathname.slice(provider[0].length) || '/',
            query: url.searchParams,
            headers: req.headers,
            body,
            baseUrl: `${'encrypted' in req.socket ? 'https' : 'http'}://${
              req.headers.host
            }${provider[0]}`,
          }),
        );
        return;
      }
      const scope = credentialScope(req.headers.authorization);
      if (scope && !['ec2', 'sts'].includes(scope.service)) {
        send(
          res,
          await aws.handleService({
            service: scope.service,
            region: scope.region,
            accessKeyId: scope.accessKeyId,
            request: {
              method: req.method ?? 'GET',
              path: url.pathname,
              query: url.searchParams,
              headers: req.headers,
              body,
            },
          }),
        );
        return;
      }
      const text = body.toString('utf8');
      const params = new URLSearchParams(text || url.searchParams.toString());
      const answer = aws.handle({
        service:
          scope?.service ??
          (params.get('Action')?.startsWith('Assume') ||
          params.get('Action') === 'GetCallerIdentity'
            ? 'sts'
            : 'ec2'),
        region: scope?.region ?? 'us-east-1',
        accessKeyId: scope?.accessKeyId,
        params,
      });
      res.writeHead(answer.status, {
        'content-type': 'text/xml;charset=UTF-8',
        'x-amzn-requestid': 'fake',
      });
      res.end(answer.body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  };
  const server = http.createServer(handler);
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const tls = options.https ? selfSignedCertificate() : undefined;
  const httpsServer = tls && https.createServer(tls, handler);
  if (httpsServer) {
    await new Promise<void>(resolve =>
      httpsServer.listen(0, '127.0.0.1', resolve),
    );
  }
  const closeServer = (s: http.Server | https.Server) =>
    new Promise<void>((resolve, reject) => {
      s.closeAllConnections();
      s.close(e => (e ? reject(e) : resolve()));
    });
  return {
    url: `http://127.0.0.1:${port}`,
    httpsUrl: httpsServer
      ? `https://127.0.0.1:${(httpsServer.address() as AddressInfo).port}`
      : undefined,
    caCertificate: tls?.cert,
    aws,
    azure,
    digitalocean,
    openstack,
    close: async () => {
      await Promise.all(
        [server, httpsServer].filter(s => s).map(s => closeServer(s!)),
      );
    },
  };
}
