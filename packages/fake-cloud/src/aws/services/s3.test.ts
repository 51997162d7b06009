import { createHash } from 'crypto';
import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { awsRequest } from './__testUtils__/awsRequest';
import { FakeS3 } from './s3';
import { generatedBucketName } from './s3Store';

describe('fake S3 (REST-XML, path-style)', () => {
  let fake: FakeCloud;
  let s3: FakeS3;
  const call = (
    method: string,
    path: string,
    opts: {
      region?: string;
      query?: Record<string, string>;
      headers?: Record<string, string>;
      body?: string | Buffer;
    } = {},
  ) =>
    awsRequest(fake, {
      service: 's3',
      region: opts.region ?? 'eu-west-1',
      method,
      path,
      ...opts,
    });
  const all = (xml: string, element: string) =>
    [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map(
      m => m[1],
    );

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions: ['us-east-1', 'eu-west-1'], servicesPerRegion: 3 },
    });
    s3 = fake.aws.services.get('s3') as FakeS3;
    // Seeded before any request: the generated buckets come on top.
    s3.createBucket('maestro-imports', 'eu-west-1');
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.aws.resetSwitches();
    s3.omitBucketRegion = false;
  });

  it('pages ListBuckets, naming each bucket region when asked with parameters', async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { status, text } = await call('GET', '/', {
        query: {
          'max-buckets': '3',
          ...(token ? { 'continuation-token': token } : {}),
        },
      });
      expect(status).toBe(200);
      expect(text).toContain(
        '<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Buckets><Bucket>',
      );
      names.push(...all(text, 'Name'));
      expect(all(text, 'BucketRegion')).toHaveLength(all(text, 'Name').length);
      token = all(text, 'ContinuationToken')[0];
      pages++;
    } while (token);
    expect(pages).toBe(3);
    const generated = ['us-east-1', 'eu-west-1'].flatMap(r =>
      [0, 1, 2].map(n => generatedBucketName('123456789012', r, n)),
    );
    expect(names).toEqual(['maestro-imports', ...generated].sort());

    const plain = await call('GET', '/');
    expect(all(plain.text, 'Name')).toEqual(names);
    expect(plain.text).not.toContain('<BucketRegion>');
    s3.omitBucketRegion = true;
    const compatible = await call('GET', '/', {
      query: { 'max-buckets': '2' },
    });
    expect(compatible.text).not.toContain('<BucketRegion>');
  });

  it('answers GetBucketLocation, empty for us-east-1', async () => {
    const east = await call(
      'GET',
      `/${generatedBucketName('123456789012', 'us-east-1', 0)}`,
      {
        query: { location: '' },
      },
    );
    expect(east.text).toContain(
      '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>',
    );
    const west = await call('GET', '/maestro-imports', {
      query: { location: '' },
    });
    expect(west.text).toContain('>eu-west-1</LocationConstraint>');
    const missing = await call('GET', '/nope-bucket', {
      query: { location: '' },
    });
    expect(missing.status).toBe(404);
    expect(missing.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>nope-bucket<\/BucketName><RequestId>/,
    );
  });

  it('stores objects: put (plain and aws-chunked), get, range, head, delete', async () => {
    const put = await call('PUT', '/maestro-imports/facts/web%201.json', {
      headers: {
        'content-type': 'application/json',
        'x-amz-meta-source': 'ansible',
      },
      body: '{"ok":true}',
    });
    expect(put.status).toBe(200);
    const md5 = createHash('md5').update('{"ok":true}').digest('hex');
    expect(put.headers.get('etag')).toBe(`"${md5}"`);

    const chunked = await call('PUT', '/maestro-imports/facts/db.json', {
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'x-amz-decoded-content-length': '6',
        'x-amz-trailer': 'x-amz-checksum-crc32',
      },
      body: '3\r\nabc\r\n3\r\ndef\r\n0\r\nx-amz-checksum-crc32:S9Apdw==\r\n\r\n',
    });
    expect(chunked.status).toBe(200);
    expect(
      s3.getObject('maestro-imports', 'facts/db.json').body.toString(),
    ).toBe('abcdef');

    const got = await call('GET', '/maestro-imports/facts/web%201.json');
    expect(got.text).toBe('{"ok":true}');
    expect(got.headers.get('content-length')).toBe('11');
    expect(got.headers.get('content-type')).toBe('application/json');
    expect(got.headers.get('etag')).toBe(`"${md5}"`);
    expect(got.headers.get('x-amz-meta-source')).toBe('ansible');
    expect(
      new Date(got.headers.get('last-modified')!).getTime(),
    ).toBeGreaterThan(0);

    const range = await call('GET', '/maestro-imports/facts/db.json', {
      headers: { range: 'bytes=1-2' },
    });
    expect(range.status).toBe(206);
    expect(range.text).toBe('bc');
    expect(range.headers.get('content-range')).toBe('bytes 1-2/6');

    const head = await call('HEAD', '/maestro-imports/facts/db.json');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('6');

    const missing = await call('GET', '/maestro-imports/facts/none.json');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain(
      '<Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>facts/none.json</Key>',
    );
    expect(
      (await call('HEAD', '/maestro-imports/facts/none.json')).status,
    ).toBe(404);

    expect(
      (await call('DELETE', '/maestro-imports/facts/db.json')).status,
    ).toBe(204);
    expect((await call('GET', '/maestro-imports/facts/db.json')).status).toBe(
      404,
    );
  });

  it('lists objects (V2) by prefix and delimiter, page by page', async () => {
    s3.createBucket('listing-test', 'eu-west-1');
    for (const key of [
      'a.txt',
      'logs/1',
      'logs/2',
      'logs/3',
      'photos/x',
      'photos/y',
      'z.txt',
    ]) {
      s3.putObject('listing-test', key, key);
    }
    const entries: string[] = [];
    let token: string | undefined;
    do {
      const { text } = await call('GET', '/listing-test', {
        query: {
          'list-type': '2',
          delimiter: '/',
          'max-keys': '2',
          ...(token ? { 'continuation-token': token } : {}),
        },
      });
      expect(all(text, 'KeyCount')[0]).toBe(
        String(
          all(text, 'Key').length + all(text, 'Prefix').filter(p => p).length,
        ),
      );
      entries.push(...all(text, 'Key'), ...all(text, 'Prefix').filter(p => p));
      token = all(text, 'NextContinuationToken')[0];
      expect(all(text, 'IsTruncated')[0]).toBe(token ? 'true' : 'false');
    } while (token);
    expect(entries.sort()).toEqual(['a.txt', 'logs/', 'photos/', 'z.txt']);

    const logs = await call('GET', '/listing-test', {
      query: { 'list-type': '2', prefix: 'logs/', 'max-keys': '2' },
    });
    expect(all(logs.text, 'Key')).toEqual(['logs/1', 'logs/2']);
    expect(logs.text).toContain('<IsTruncated>true</IsTruncated>');
    expect(logs.text).toContain(
      `<Size>6</Size><StorageClass>STANDARD</StorageClass>`,
    );
  });

  it('creates buckets where the request is signed, and refuses other regions', async () => {
    const created = await call('PUT', '/made-here', {
      body: '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
    });
    expect(created.status).toBe(200);
    expect(s3.bucket('made-here').region).toBe('eu-west-1');
    const again = await call('PUT', '/made-here', {
      body: '<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>',
    });
    expect(again.text).toContain('<Code>BucketAlreadyOwnedByYou</Code>');
    const unspecified = await call('PUT', '/made-elsewhere');
    expect(unspecified.text).toContain(
      '<Code>IllegalLocationConstraintException</Code>',
    );
    expect((await call('PUT', '/Bad_Name')).text).toContain(
      '<Code>InvalidBucketName</Code>',
    );

    const wrongRegion = await call('GET', '/made-here/x', {
      region: 'us-east-1',
    });
    expect(wrongRegion.status).toBe(400);
    expect(wrongRegion.text).toContain(
      '<Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region &apos;us-east-1&apos; is wrong; expecting &apos;eu-west-1&apos;</Message><Region>eu-west-1</Region>',
    );
  });

  it("answers the account's errors in S3's codes", async () => {
    fake.aws.badCredentials = true;
    const refused = await call('GET', '/');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(
      '<Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message>',
    );
    fake.aws.resetSwitches();
    fake.aws.throttleNext = 1;
    const throttled = await call('GET', '/');
    expect(throttled.status).toBe(503);
    expect(throttled.text).toContain('<Code>SlowDown</Code>');
  });
});
