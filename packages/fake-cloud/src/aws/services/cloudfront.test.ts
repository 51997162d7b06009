import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { awsRequest } from './__testUtils__/awsRequest';
import { FakeCloudFront } from './cloudfront';
import { generatedBucketName } from './s3Store';

describe('fake CloudFront (REST-XML, global)', () => {
  let fake: FakeCloud;
  const list = (query: Record<string, string> = {}) =>
    awsRequest(fake, {
      service: 'cloudfront',
      region: 'us-east-1',
      path: '/2020-05-31/distribution',
      query,
    });
  const ids = (xml: string) =>
    [...xml.matchAll(/<DistributionSummary><Id>([^<]+)<\/Id>/g)].map(m => m[1]);

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions: ['us-east-1', 'eu-west-1'], servicesPerRegion: 3 },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.aws.resetSwitches());

  it('pages ListDistributions by Marker, NextMarker and IsTruncated', async () => {
    const first = await list({ MaxItems: '4' });
    expect(first.status).toBe(200);
    expect(first.text).toContain(
      '<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker>',
    );
    expect(first.text).toContain(
      '<IsTruncated>true</IsTruncated><Quantity>4</Quantity>',
    );
    const next = /<NextMarker>([^<]+)<\/NextMarker>/.exec(first.text)![1];
    const second = await list({ MaxItems: '4', Marker: next });
    expect(second.text).toContain(
      '<IsTruncated>false</IsTruncated><Quantity>2</Quantity>',
    );
    expect(second.text).not.toContain('<NextMarker>');
    const cdn = fake.aws.services.get('cloudfront') as FakeCloudFront;
    expect([...ids(first.text), ...ids(second.text)]).toEqual(
      cdn.distributions.map(d => d.id),
    );
  });

  it('puts the account’s buckets and REST APIs behind its distributions', async () => {
    const { text } = await list();
    expect(text).toContain(
      `<Origin><Id>origin-0</Id><DomainName>${generatedBucketName(
        '123456789012',
        'eu-west-1',
        0,
      )}.s3.eu-west-1.amazonaws.com</DomainName>`,
    );
    expect(text).toMatch(
      /<DomainName>[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com<\/DomainName>/,
    );
    expect(text).toContain(
      '<Aliases><Quantity>1</Quantity><Items><CNAME>cdn-0.us-east-1.example.com</CNAME></Items></Aliases>',
    );
  });

  it('answers ErrorResponse errors', async () => {
    const invalid = await list({ Marker: 'ENOPE' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain(
      '<Error><Type>Sender</Type><Code>InvalidArgument</Code><Message>Invalid marker: ENOPE</Message></Error>',
    );
    fake.aws.throttleNext = 1;
    expect((await list()).text).toContain('<Code>Throttling</Code>');
  });
});
