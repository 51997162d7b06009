import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { compact } from './common';
import { AWS_PROVIDERS, resourceEntity, resourceRef } from './resourceEntity';

/** The name of a queue from its ARN or URL (their last segment). */
const queueName = (arnOrUrl: string) => arnOrUrl.split(/[:/]/).pop()!;

const queueRef = (arn: string) => resourceRef(queueName(arn), arn);

function numberOf(value: string | undefined) {
  return value === undefined || value === '' ? undefined : Number(value);
}

/** The dead-letter queue of a RedrivePolicy attribute (a JSON string). */
function deadLetterTarget(redrivePolicy: string | undefined) {
  if (!redrivePolicy) return undefined;
  try {
    const target = JSON.parse(redrivePolicy).deadLetterTargetArn;
    return typeof target === 'string' && target ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An SQS queue (its URL from ListQueues, its attributes from
 * GetQueueAttributes `All`) as a Broker resource, depending on its
 * dead-letter queue.
 */
export function translateQueue(
  url: string,
  attributes: Record<string, string>,
  region: string,
): DiscoveredEntity {
  const name = queueName(url);
  const arn = attributes.QueueArn!;
  const deadLetters = deadLetterTarget(attributes.RedrivePolicy);
  const created = numberOf(attributes.CreatedTimestamp);
  return resourceEntity(
    {
      family: 'Broker',
      provider: AWS_PROVIDERS.sqs,
      arn,
      title: name,
      region,
      status: 'Active',
      active: true,
    },
    {
      role: { endpoint: url },
      queues: [name],
      dependencies: deadLetters
        ? [{ target: queueRef(deadLetters), description: 'dead-letter queue' }]
        : undefined,
      properties: compact({
        fifo: attributes.FifoQueue === 'true',
        visibilityTimeout: numberOf(attributes.VisibilityTimeout),
        messageRetentionPeriod: numberOf(attributes.MessageRetentionPeriod),
        maximumMessageSize: numberOf(attributes.MaximumMessageSize),
        delaySeconds: numberOf(attributes.DelaySeconds),
        createdAt:
          created !== undefined
            ? new Date(created * 1000).toISOString()
            : undefined,
        deadLetterTargetArn: deadLetters,
      }),
    },
  );
}
