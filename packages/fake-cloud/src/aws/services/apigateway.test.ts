import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { awsRequest } from './__testUtils__/awsRequest';
import { FakeApiGateway } from './apigateway';

describe('fake API Gateway (REST-JSON)', () => {
  let fake: FakeCloud;
  const get = async (query: Record<string, string> = {}) => {
    const res = await awsRequest(fake, {
      service: 'apigateway',
      region: 'us-east-1',
      path: '/restapis',
      query,
    });
    return { ...res, json: JSON.parse(res.text) };
  };

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions: ['us-east-1'], servicesPerRegion: 30 },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.aws.resetSwitches());

  it('pages GetRestApis by position, 25 by default', async () => {
    const first = await get();
    expect(first.json.item).toHaveLength(25);
    const second = await get({ position: first.json.position, limit: '10' });
    expect(second.json.item).toHaveLength(5);
    expect(second.json.position).toBeUndefined();
    const apis = (
      fake.aws.services.get('apigateway') as FakeApiGateway
    ).restApis('us-east-1');
    expect(
      [...first.json.item, ...second.json.item].map((a: any) => a.id),
    ).toEqual(apis.map(a => a.id));
    expect(first.json.item[0]).toMatchObject({
      id: expect.stringMatching(/^[a-z0-9]{10}$/),
      name: 'orders-api-0',
      createdDate: expect.any(Number),
      endpointConfiguration: { types: ['REGIONAL'] },
      tags: { team: 'orders', env: 'production' },
    });
  });

  it('answers BadRequestException and the account errors', async () => {
    const invalid = await get({ limit: '501' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-amzn-errortype')).toMatch(
      /^BadRequestException:/,
    );
    fake.aws.badCredentials = true;
    const refused = await get();
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-amzn-errortype')).toMatch(
      /^UnrecognizedClientException:/,
    );
  });
});
