import {
  GetQueueAttributesCommand,
  SQSClient,
  paginateListQueues,
} from '@aws-sdk/client-sqs';
import { sqsClient } from '../serviceClients';
import { translateQueue } from '../translate/sqs';
import { awsPages, describeListed, mapConcurrent } from './awsCalls';
import { serviceTask } from './serviceTask';

export const QUEUES_PAGE_SIZE = 100;

/** A queue's attributes; undefined for a queue deleted since it was listed. */
async function attributesOf(client: SQSClient, url: string) {
  const out = await describeListed(
    'sqs:GetQueueAttributes',
    'QueueDoesNotExist',
    () =>
      client.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: ['All'],
        }),
      ),
  );
  return out && (out.Attributes ?? {});
}

export const BROKERS_LIST = serviceTask<SQSClient>({
  name: 'brokers-list',
  description: 'SQS queues and their dead-letter queues',
  permissions: ['sqs:ListQueues', 'sqs:GetQueueAttributes'],
  coverage: 'regional',
  client: sqsClient,
  async *pages(client, scan) {
    const pages = paginateListQueues(
      { client, pageSize: QUEUES_PAGE_SIZE },
      {},
    );
    for await (const page of awsPages('sqs:ListQueues', pages)) {
      const urls = page.QueueUrls ?? [];
      const attributes = await mapConcurrent(urls, 8, url =>
        attributesOf(client, url),
      );
      yield urls.flatMap((url, i) =>
        attributes[i] ? [translateQueue(url, attributes[i]!, scan.region)] : [],
      );
    }
  },
});
