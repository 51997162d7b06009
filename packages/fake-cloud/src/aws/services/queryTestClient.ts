import { FakeCloud } from '../../FakeCloud';

/**
 * A Query-protocol request as SigV4 clients send it (tests only): the
 * credential scope names the key, region and signing name.
 */
export async function queryCall(
  fake: FakeCloud,
  service: string,
  params: Record<string, string>,
  opts: { region?: string; key?: string } = {},
) {
  const key = opts.key ?? fake.aws.defaultKey.accessKeyId;
  const region = opts.region ?? 'us-east-1';
  const res = await fetch(fake.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: `AWS4-HMAC-SHA256 Credential=${key}/20261126/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: await res.text() };
}

/** The text of every `<tag>` element (no nested elements of the same name). */
export function texts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map(
    m => m[1],
  );
}

/** Every `<tag>...</tag>` block, for the elements of a list. */
export function blocks(xml: string, tag: string): string[] {
  return [
    ...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g')),
  ].map(m => m[1]);
}

/** Walks every page of a listing, following the response's token element. */
export async function allPages(
  fake: FakeCloud,
  service: string,
  params: Record<string, string>,
  token: { request: string; response: string },
  opts: { region?: string } = {},
) {
  const bodies: string[] = [];
  let next: string | undefined;
  do {
    const { status, body } = await queryCall(
      fake,
      service,
      { ...params, ...(next ? { [token.request]: next } : {}) },
      opts,
    );
    if (status !== 200) throw new Error(`${status}: ${body}`);
    bodies.push(body);
    next = texts(body, token.response)[0];
  } while (next);
  return bodies;
}
