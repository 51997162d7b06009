import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { allPages, blocks, queryCall, texts } from './queryTestClient';

const EC = { Version: '2015-02-02' };

describe('fake ElastiCache', () => {
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: {
        regions: ['eu-west-1'],
        instancesPerRegion: 5,
        servicesPerRegion: 45,
      },
    });
  });
  afterAll(() => fake.close());

  it('pages cache clusters by Marker, with nodes only when asked', async () => {
    const bodies = await allPages(
      fake,
      'elasticache',
      {
        ...EC,
        Action: 'DescribeCacheClusters',
        MaxRecords: '20',
        ShowCacheNodeInfo: 'true',
      },
      { request: 'Marker', response: 'Marker' },
      { region: 'eu-west-1' },
    );
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toContain(
      '<DescribeCacheClustersResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/"><DescribeCacheClustersResult><CacheClusters><CacheCluster>',
    );
    const clusters = bodies.flatMap(b => blocks(b, 'CacheCluster'));
    const expected = fake.aws.region('eu-west-1').cacheClusters;
    expect(clusters.flatMap(c => texts(c, 'CacheClusterId'))).toEqual(
      expected.map(c => c.cacheClusterId),
    );
    expect(clusters[1]).toContain(
      '<CacheNodes><CacheNode><CacheNodeId>0001</CacheNodeId>',
    );
    expect(texts(clusters[1], 'Address')[0]).toBe(
      expected[1].configurationEndpoint!.address,
    );
    expect(texts(clusters[0], 'ARN')).toEqual([
      `arn:aws:elasticache:eu-west-1:123456789012:cluster:${expected[0].cacheClusterId}`,
    ]);

    const bare = await queryCall(
      fake,
      'elasticache',
      { ...EC, Action: 'DescribeCacheClusters', MaxRecords: '20' },
      { region: 'eu-west-1' },
    );
    expect(bare.body).not.toContain('<CacheNodes>');
    expect(texts(bare.body, 'NumCacheNodes')[1]).toBe(
      String(expected[1].nodes.length),
    );
  });

  it('keeps MaxRecords between 20 and 100', async () => {
    const { status, body } = await queryCall(
      fake,
      'elasticache',
      {
        ...EC,
        Action: 'DescribeCacheClusters',
        MaxRecords: '101',
      },
      { region: 'eu-west-1' },
    );
    expect(status).toBe(400);
    expect(texts(body, 'Message')).toEqual([
      'The parameter MaxRecords must be between 20 and 100.',
    ]);
  });
});
