import { FakeRequest } from '../../http';
import { AwsError } from '../ec2';
import { AwsServiceContext, AwsServiceFake } from './types';
import {
  CORAL,
  awsJsonError,
  awsJsonResponse,
  jsonBody,
  jsonTarget,
} from './jsonProtocol';
import { GENERATED_AT, decodeToken, encodeToken, pageOf } from './serviceData';

/** A queue of the fake account, as GetQueueAttributes describes it. */
export interface FakeQueue {
  name: string;
  url: string;
  arn: string;
  fifo: boolean;
  /** Epoch seconds, as SQS writes them. */
  createdTimestamp: number;
  visibilityTimeout: number;
  messageRetentionPeriod: number;
  approximateNumberOfMessages: number;
  /** Where messages go after `maxReceiveCount` failed receives. */
  deadLetterTargetArn?: string;
}

const SQS = 'com.amazonaws.sqs';

/** Errors by code: SQS's JSON shape and its Query-protocol code. */
const ERRORS: Record<
  string,
  {
    namespace: string;
    code: string;
    query: string;
    status: number;
    message?: string;
  }
> = {
  InvalidClientTokenId: {
    namespace: CORAL,
    code: 'UnrecognizedClientException',
    query: 'InvalidClientTokenId;Sender',
    status: 403,
  },
  AccessDenied: {
    namespace: CORAL,
    code: 'AccessDeniedException',
    query: 'AccessDenied;Sender',
    status: 403,
  },
  RequestLimitExceeded: {
    namespace: SQS,
    code: 'RequestThrottled',
    query: 'RequestThrottled;Sender',
    status: 403,
    message: 'Request is throttled.',
  },
  InternalError: {
    namespace: CORAL,
    code: 'InternalFailure',
    query: 'InternalError;Receiver',
    status: 500,
  },
  InvalidParameterValue: {
    namespace: 'com.amazon.coral.validate',
    code: 'ValidationException',
    query: 'InvalidParameterValue;Sender',
    status: 400,
  },
  QueueDoesNotExist: {
    namespace: SQS,
    code: 'QueueDoesNotExist',
    query: 'AWS.SimpleQueueService.NonExistentQueue;Sender',
    status: 400,
  },
};
ERRORS.AccessDeniedException = ERRORS.AccessDenied;

const invalidParameter = (message: string) =>
  new AwsError(400, 'InvalidParameterValue', message);

/**
 * Amazon SQS in the AWS JSON 1.0 protocol the current SDKs speak
 * (`X-Amz-Target: AmazonSQS.<Action>`, errors with `__type` and the
 * `x-amzn-query-error` header of awsQueryCompatible services): ListQueues
 * with MaxResults/NextToken and GetQueueAttributes.
 */
export class FakeSqs implements AwsServiceFake {
  private readonly regions = new Map<string, FakeQueue[]>();

  /** The queues of a region the fake has served; change them between scans. */
  queues(region: string): FakeQueue[] {
    const queues = this.regions.get(region);
    if (!queues) {
      throw new Error(
        `No SQS queues in ${region} yet: a region is generated at its first request`,
      );
    }
    return queues;
  }

  action(request: FakeRequest) {
    return jsonTarget(request, 'AmazonSQS');
  }

  handle(request: FakeRequest, context: AwsServiceContext) {
    const queues = this.regionQueues(context);
    const body = jsonBody(request);
    switch (this.action(request)) {
      case 'ListQueues':
        return awsJsonResponse(
          this.listQueues(queues, body),
          context.requestId,
        );
      case 'GetQueueAttributes':
        return awsJsonResponse(
          { Attributes: this.attributes(queues, body) },
          context.requestId,
        );
      default:
        throw new AwsError(
          400,
          'InvalidAction',
          `The action ${this.action(request)} is not valid for this endpoint.`,
        );
    }
  }

  error(error: AwsError, requestId: string) {
    const known = ERRORS[error.code];
    const fault = error.status >= 500 ? 'Receiver' : 'Sender';
    return awsJsonError(
      {
        namespace: known?.namespace ?? SQS,
        code: known?.code ?? error.code,
        status: known?.status ?? error.status,
        message: known?.message ?? error.message,
        queryError: known?.query ?? `${error.code};${fault}`,
      },
      requestId,
    );
  }

  private listQueues(queues: FakeQueue[], body: Record<string, any>) {
    const prefix = String(body.QueueNamePrefix ?? '');
    const matching = queues.filter(q => q.name.startsWith(prefix));
    // Without MaxResults SQS answers up to 1000 queues and no token.
    if (body.MaxResults === undefined) {
      const urls = matching.slice(0, 1000).map(q => q.url);
      return urls.length ? { QueueUrls: urls } : {};
    }
    const size = body.MaxResults;
    if (!Number.isInteger(size) || size < 1 || size > 1000) {
      throw invalidParameter(
        `Value ${size} for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.`,
      );
    }
    const offset = body.NextToken
      ? decodeToken(String(body.NextToken), () =>
          invalidParameter('Invalid NextToken value.'),
        )
      : 0;
    const page = pageOf(matching, offset, size);
    return {
      ...(page.items.length ? { QueueUrls: page.items.map(q => q.url) } : {}),
      ...(page.next !== undefined ? { NextToken: encodeToken(page.next) } : {}),
    };
  }

  private attributes(queues: FakeQueue[], body: Record<string, any>) {
    const queue = queues.find(q => q.url === body.QueueUrl);
    if (!queue) {
      throw new AwsError(
        400,
        'QueueDoesNotExist',
        'The specified queue does not exist.',
      );
    }
    const all: Record<string, string | undefined> = {
      QueueArn: queue.arn,
      ApproximateNumberOfMessages: String(queue.approximateNumberOfMessages),
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
      CreatedTimestamp: String(queue.createdTimestamp),
      LastModifiedTimestamp: String(queue.createdTimestamp),
      VisibilityTimeout: String(queue.visibilityTimeout),
      MaximumMessageSize: '262144',
      MessageRetentionPeriod: String(queue.messageRetentionPeriod),
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      SqsManagedSseEnabled: 'true',
      RedrivePolicy: queue.deadLetterTargetArn
        ? JSON.stringify({
            deadLetterTargetArn: queue.deadLetterTargetArn,
            maxReceiveCount: 5,
          })
        : undefined,
      FifoQueue: queue.fifo ? 'true' : undefined,
      ContentBasedDeduplication: queue.fifo ? 'false' : undefined,
    };
    const names: string[] = Array.isArray(body.AttributeNames)
      ? body.AttributeNames
      : [];
    const wanted = names.includes('All') ? Object.keys(all) : names;
    return Object.fromEntries(
      wanted
        .filter(name => all[name] !== undefined)
        .map(name => [name, all[name]!]),
    );
  }

  private regionQueues(context: AwsServiceContext): FakeQueue[] {
    let queues = this.regions.get(context.regionName);
    if (!queues) {
      queues = generateQueues(context);
      this.regions.set(context.regionName, queues);
    }
    return queues;
  }
}

/**
 * `servicesPerRegion` queues: the first a dead-letter queue the odd ones
 * redrive to, every third a FIFO queue.
 */
function generateQueues(context: AwsServiceContext): FakeQueue[] {
  const { regionName, accountId } = context;
  const regionIndex = Math.max(context.regionNames.indexOf(regionName), 0);
  const queues: FakeQueue[] = [];
  for (let n = 0; n < context.servicesPerRegion; n++) {
    const fifo = n % 3 === 2;
    const base = n === 0 ? 'dead-letters' : `${regionName}-orders-${n}`;
    const name = fifo ? `${base}.fifo` : base;
    queues.push({
      name,
      url: `https://sqs.${regionName}.amazonaws.com/${accountId}/${name}`,
      arn: `arn:aws:sqs:${regionName}:${accountId}:${name}`,
      fifo,
      createdTimestamp: Math.floor(
        (GENERATED_AT + (regionIndex * 1000 + n) * 60_000) / 1000,
      ),
      visibilityTimeout: 30,
      messageRetentionPeriod: 345600,
      approximateNumberOfMessages: (n * 7) % 50,
      // A FIFO queue's dead-letter queue must be FIFO too: standard ones only.
      deadLetterTargetArn:
        n % 2 === 1 && !fifo && queues[0] && !queues[0].fifo
          ? queues[0].arn
          : undefined,
    });
  }
  return queues;
}

export function createSqsFake(): AwsServiceFake {
  return new FakeSqs();
}
