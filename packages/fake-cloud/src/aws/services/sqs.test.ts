import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { awsJsonCall } from './__testUtils__/awsRequest';
import { FakeSqs } from './sqs';

describe('fake SQS (AWS JSON 1.0)', () => {
  let fake: FakeCloud;
  const call = (action: string, body: unknown, region = 'eu-west-1') =>
    awsJsonCall(fake, 'sqs', `AmazonSQS.${action}`, body, region);

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions: ['us-east-1', 'eu-west-1'], servicesPerRegion: 7 },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.aws.resetSwitches());

  it('pages ListQueues with MaxResults and NextToken', async () => {
    const urls: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { status, json, headers } = await call('ListQueues', {
        MaxResults: 3,
        ...(token ? { NextToken: token } : {}),
      });
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/x-amz-json-1.0');
      urls.push(...json.QueueUrls);
      token = json.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    const sqs = fake.aws.services.get('sqs') as FakeSqs;
    expect(urls).toEqual(sqs.queues('eu-west-1').map(q => q.url));
    expect(urls[1]).toBe(
      'https://sqs.eu-west-1.amazonaws.com/123456789012/eu-west-1-orders-1',
    );
    // Without MaxResults: everything at once and no token, as SQS does.
    const all = await call('ListQueues', {});
    expect(all.json).toEqual({ QueueUrls: urls });
    const prefixed = await call('ListQueues', { QueueNamePrefix: 'dead' });
    expect(prefixed.json.QueueUrls).toHaveLength(1);
  });

  it('describes a queue, its FIFO flag and its dead-letter queue', async () => {
    const sqs = fake.aws.services.get('sqs') as FakeSqs;
    const [deadLetters, first, fifo] = sqs.queues('eu-west-1');
    const { json } = await call('GetQueueAttributes', {
      QueueUrl: first.url,
      AttributeNames: ['All'],
    });
    expect(json.Attributes).toMatchObject({
      QueueArn: first.arn,
      VisibilityTimeout: '30',
      CreatedTimestamp: String(first.createdTimestamp),
    });
    expect(JSON.parse(json.Attributes.RedrivePolicy)).toEqual({
      deadLetterTargetArn: deadLetters.arn,
      maxReceiveCount: 5,
    });
    const some = await call('GetQueueAttributes', {
      QueueUrl: fifo.url,
      AttributeNames: ['QueueArn', 'FifoQueue'],
    });
    expect(some.json.Attributes).toEqual({
      QueueArn: fifo.arn,
      FifoQueue: 'true',
    });
  });

  it('answers errors with __type and the Query-compatible code', async () => {
    const missing = await call('GetQueueAttributes', {
      QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/nope',
      AttributeNames: ['All'],
    });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      __type: 'com.amazonaws.sqs#QueueDoesNotExist',
      message: 'The specified queue does not exist.',
    });
    expect(missing.headers.get('x-amzn-query-error')).toBe(
      'AWS.SimpleQueueService.NonExistentQueue;Sender',
    );

    const invalid = await call('ListQueues', { MaxResults: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-amzn-query-error')).toBe(
      'InvalidParameterValue;Sender',
    );

    fake.aws.throttleNext = 1;
    const throttled = await call('ListQueues', {});
    expect(throttled.json.__type).toBe('com.amazonaws.sqs#RequestThrottled');

    fake.aws.badCredentials = true;
    const refused = await call('ListQueues', {});
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-amzn-query-error')).toBe(
      'InvalidClientTokenId;Sender',
    );
  });
});
