import { FakeCloud, FakeS3, startFakeCloud } from '@maestro/fake-cloud';
import { terraformStateFormat } from '../../terraform/terraformFormat';
import { FetchLimits } from '../fetchLimits';
import {
  factsOfAnotherHost,
  realFacts,
  realState,
} from '../../__testUtils__/factsTree';
import { S3Location, fetchFromS3 } from './s3Fetch';

jest.setTimeout(30_000);

const limits: FetchLimits = {
  maxBytes: 1024 * 1024,
  maxFiles: 100,
  timeoutMs: 15_000,
};

describe('fetchFromS3', () => {
  let fake: FakeCloud;
  let s3: FakeS3;
  let location: S3Location;

  beforeAll(async () => {
    fake = await startFakeCloud();
    s3 = fake.aws.services.get('s3') as FakeS3;
    s3.createBucket('maestro-facts', 'eu-west-1');
    s3.putObject('maestro-facts', 'facts/', '');
    s3.putObject('maestro-facts', 'facts/localhost', realFacts);
    s3.putObject('maestro-facts', 'facts/.cache/old', 'not json');
    s3.putObject('maestro-facts', 'facts/site-b/', '');
    s3.putObject(
      'maestro-facts',
      'facts/site-b/web-2',
      factsOfAnotherHost('web-2', '10.20.0.12'),
    );
    s3.putObject(
      'maestro-facts',
      'facts/site-b/web-3',
      factsOfAnotherHost('web-3', '10.20.0.13'),
    );
    s3.putObject('maestro-facts', 'factsheet.pdf', 'outside the folder');
    s3.putObject('maestro-facts', 'state/prod/terraform.tfstate', realState);
    s3.putObject(
      'maestro-facts',
      'state/prod/terraform.tfstate.tflock',
      '{"ID":"3f0c","Operation":"OperationTypeApply"}',
    );
    location = {
      bucket: 'maestro-facts',
      prefix: 'facts/',
      region: 'eu-west-1',
      accessKeyId: fake.aws.defaultKey.accessKeyId,
      secretAccessKey: fake.aws.defaultKey.secretAccessKey,
      endpoint: fake.url,
    };
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.aws.resetSwitches();
    fake.aws.requestCounts.clear();
  });

  const fetch = (
    overrides: Partial<S3Location> = {},
    options: {
      limits?: Partial<FetchLimits>;
      include?: (name: string) => boolean;
      pageSize?: number;
      signal?: AbortSignal;
    } = {},
  ) =>
    fetchFromS3({
      source: { ...location, ...overrides },
      limits: { ...limits, ...options.limits },
      signal: options.signal ?? new AbortController().signal,
      include: options.include,
      pageSize: options.pageSize,
    });

  it('reads every object under a prefix, page by page, leaving out folders and hidden keys', async () => {
    const fetched = await fetch({}, { pageSize: 2 });
    expect(fetched.origin).toBe(`s3://maestro-facts/facts/ at ${fake.url}`);
    expect(fetched.files.map(f => f.filename)).toEqual([
      'localhost',
      'site-b/web-2',
      'site-b/web-3',
    ]);
    expect(fetched.files[0].body.equals(realFacts)).toBe(true);
    expect(
      fetched.files[2].body.equals(factsOfAnotherHost('web-3', '10.20.0.13')),
    ).toBe(true);
    // Six keys under the prefix, two per page.
    expect(fake.aws.requestCounts.get('ListObjectsV2')).toBe(3);
    expect(fake.aws.requestCounts.get('GetObject')).toBe(3);
  });

  it('names files after the folder of a prefix that is not one', async () => {
    const fetched = await fetch({ prefix: '/facts/site-b/web' });
    expect(fetched.files.map(f => f.filename)).toEqual(['web-2', 'web-3']);
  });

  it('reads a Terraform remote state object as a file, without its lock', async () => {
    const fetched = await fetch(
      { prefix: 'state/prod/terraform.tfstate' },
      { include: terraformStateFormat.readsFile },
    );
    expect(fetched.files.map(f => f.filename)).toEqual(['terraform.tfstate']);
    expect(fetched.files[0].body.equals(realState)).toBe(true);
  });

  it('says clearly that a bucket does not exist', async () => {
    await expect(fetch({ bucket: 'no-such-bucket' })).rejects.toMatchObject({
      name: 'DiscoveryProviderError',
      kind: 'provider',
      code: 'NoSuchBucket',
      message: `The bucket of s3://no-such-bucket/facts/ at ${fake.url} does not exist (NoSuchBucket: The specified bucket does not exist)`,
    });
  });

  it('refuses bad credentials, and names the permission a denied read needs', async () => {
    await expect(
      fetch({ accessKeyId: 'AKIAUNKNOWNKEY000000' }),
    ).rejects.toMatchObject({
      kind: 'credentials',
      code: 'InvalidAccessKeyId',
    });

    fake.aws.failure = {
      action: 'GetObject',
      afterRequests: 1,
      code: 'AccessDeniedException',
      status: 403,
    };
    await expect(fetch()).rejects.toMatchObject({
      kind: 'permission',
      code: 'AccessDenied',
      permission: 's3:GetObject',
    });
  });

  it('refuses an object over the size limit before getting any', async () => {
    await expect(
      fetch({}, { limits: { maxBytes: realFacts.length - 1 } }),
    ).rejects.toMatchObject({
      code: 'TooLarge',
      message: expect.stringMatching(
        new RegExp(
          `^localhost has ${realFacts.length} bytes, more than the ${
            realFacts.length - 1
          } a file may have`,
        ),
      ),
    });
    expect(fake.aws.requestCounts.get('GetObject')).toBeUndefined();
  });

  it('stops when the run is aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(fetch({}, { signal: abort.signal })).rejects.toThrow(
      'The run was cut short',
    );
  });
});
