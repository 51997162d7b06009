import { FakeCloud } from '../../../FakeCloud';

/** A request as an SDK sends it: SigV4 scope (key, region, service); signatures are not checked. */
export async function awsRequest(
  fake: FakeCloud,
  opts: {
    service: string;
    region?: string;
    method?: string;
    path?: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string | Buffer;
    accessKeyId?: string;
  },
) {
  const query = new URLSearchParams(opts.query ?? {}).toString();
  const res = await fetch(
    `${fake.url}${opts.path ?? '/'}${query ? `?${query}` : ''}`,
    {
      method: opts.method ?? 'GET',
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${
          opts.accessKeyId ?? fake.aws.defaultKey.accessKeyId
        }/20260105/${opts.region ?? 'us-east-1'}/${
          opts.service
        }/aws4_request, SignedHeaders=host, Signature=00`,
        ...opts.headers,
      },
      body: opts.body,
    },
  );
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** An AWS JSON 1.0 call (SQS, DynamoDB). */
export async function awsJsonCall(
  fake: FakeCloud,
  service: string,
  target: string,
  body: unknown,
  region = 'us-east-1',
) {
  const res = await awsRequest(fake, {
    service,
    region,
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': target,
    },
    body: JSON.stringify(body),
  });
  return { ...res, json: res.text ? JSON.parse(res.text) : undefined };
}
