import http from 'http';
import { AddressInfo } from 'net';
import { FakeAws, FakeAwsOptions } from './aws/FakeAws';

export interface FakeCloudOptions {
  /** Port to listen on; a free one when unset. */
  port?: number;
  aws?: FakeAwsOptions;
}

export interface FakeCloud {
  /** Base URL, e.g. `http://127.0.0.1:34567`: the endpoint override. */
  url: string;
  aws: FakeAws;
  close(): Promise<void>;
}

/** `Credential=AKID/20260101/us-east-1/ec2/aws4_request` of a SigV4 header. */
function credentialScope(authorization: string | undefined) {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
    authorization ?? '',
  );
  return m ? { accessKeyId: m[1], region: m[2], service: m[3] } : undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the fake cloud: one HTTP server that answers AWS Query API
 * requests (EC2, STS) in their XML wire format from generated data.
 */
export async function startFakeCloud(
  options: FakeCloudOptions = {},
): Promise<FakeCloud> {
  const aws = new FakeAws(options.aws);
  const server = http.createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const query = new URL(req.url ?? '/', 'http://fake').searchParams;
      const params = new URLSearchParams(body || query.toString());
      const scope = credentialScope(req.headers.authorization);
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
  });
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    aws,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(e => (e ? reject(e) : resolve()));
      }),
  };
}
