import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { awsRequest } from './__testUtils__/awsRequest';
import { FakeLambda } from './lambda';

describe('fake Lambda (REST-JSON)', () => {
  let fake: FakeCloud;
  const get = async (path: string, query: Record<string, string> = {}) => {
    const res = await awsRequest(fake, {
      service: 'lambda',
      region: 'eu-west-1',
      path,
      query,
    });
    return { ...res, json: JSON.parse(res.text) };
  };

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions: ['eu-west-1'], servicesPerRegion: 60 },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.aws.resetSwitches());

  it('pages ListFunctions by Marker, at most 50 a page', async () => {
    const first = await get('/2015-03-31/functions/', { MaxItems: '1000' });
    expect(first.status).toBe(200);
    expect(first.json.Functions).toHaveLength(50);
    const second = await get('/2015-03-31/functions/', {
      Marker: first.json.NextMarker,
    });
    expect(second.json.Functions).toHaveLength(10);
    expect(second.json.NextMarker).toBeUndefined();
    const lambda = fake.aws.services.get('lambda') as FakeLambda;
    const fns = lambda.region('eu-west-1').functions;
    expect(
      [...first.json.Functions, ...second.json.Functions].map(
        (f: any) => f.FunctionArn,
      ),
    ).toEqual(fns.map(f => f.arn));
    expect(first.json.Functions[0]).toMatchObject({
      FunctionName: 'orders-handler-0',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Version: '$LATEST',
      Layers: [{ Arn: `${lambda.region('eu-west-1').layers[0].arn}:1` }],
      LastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+\+0000$/),
    });
    // ListFunctions does not report State.
    expect(first.json.Functions[0].State).toBeUndefined();
  });

  it('lists layers with their latest version, and a layer versions newest first', async () => {
    const layers = await get('/2018-10-31/layers', { MaxItems: '3' });
    expect(layers.json.Layers).toHaveLength(3);
    expect(layers.json.Layers[2]).toMatchObject({
      LayerName: 'shared-libs-2',
      LatestMatchingVersion: { Version: 3 },
    });
    const versions = await get('/2018-10-31/layers/shared-libs-2/versions');
    expect(versions.json.LayerVersions.map((v: any) => v.Version)).toEqual([
      3, 2, 1,
    ]);
  });

  it('names errors in x-amzn-ErrorType', async () => {
    const invalid = await get('/2015-03-31/functions/', { Marker: 'bogus' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-amzn-errortype')).toMatch(
      /^InvalidParameterValueException:/,
    );
    expect(invalid.json).toEqual({ message: 'Invalid marker', Type: 'User' });
    fake.aws.throttleNext = 1;
    const throttled = await get('/2018-10-31/layers');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-amzn-errortype')).toMatch(
      /^TooManyRequestsException:/,
    );
    fake.aws.failure = {
      action: 'ListFunctions',
      afterRequests: 0,
      code: 'AccessDeniedException',
      status: 403,
      message: 'not authorized to perform: lambda:ListFunctions',
    };
    const denied = await get('/2015-03-31/functions/');
    expect(denied.status).toBe(403);
    expect(denied.json.message).toContain('lambda:ListFunctions');
  });
});
