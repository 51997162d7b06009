import {
  DescribeTagsCommand as DescribeClassicTagsCommand,
  ElasticLoadBalancingClient,
  LoadBalancerDescription,
  paginateDescribeLoadBalancers as paginateClassicLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeTagsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  Listener,
  LoadBalancer,
  TargetGroup,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsClientConfig, clientOptions } from '../awsClients';
import { AwsTag } from '../translate/common';
import {
  LoadBalancerV2Details,
  TargetGroupWithTargets,
  translateClassicLoadBalancer,
  translateLoadBalancerV2,
} from '../translate/loadBalancer';
import { RegionalListing, withPermission } from './regionalTask';

/** Both Elastic Load Balancing APIs of a region (one signing name, two versions). */
export interface LoadBalancingClients {
  classic: ElasticLoadBalancingClient;
  v2: ElasticLoadBalancingV2Client;
  destroy(): void;
}

export function loadBalancingClients(
  config: AwsClientConfig,
  region: string,
): LoadBalancingClients {
  const classic = new ElasticLoadBalancingClient(clientOptions(config, region));
  const v2 = new ElasticLoadBalancingV2Client(clientOptions(config, region));
  return {
    classic,
    v2,
    destroy() {
      classic.destroy();
      v2.destroy();
    },
  };
}

/** DescribeTags of both APIs takes at most 20 load balancers. */
const TAGS_PER_CALL = 20;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

interface ClassicPage {
  loadBalancers: LoadBalancerDescription[];
  tags: Map<string, AwsTag[]>;
}

/** Classic load balancers, a page at a time, with their tags. */
export function classicLoadBalancerListing(
  pageSize: number,
): RegionalListing<LoadBalancingClients, ClassicPage> {
  const tagsPermission = 'elasticloadbalancing:DescribeTags';
  return {
    permission: 'elasticloadbalancing:DescribeLoadBalancers',
    alsoNeeds: [tagsPermission],
    async *pages(clients) {
      const pages = paginateClassicLoadBalancers(
        { client: clients.classic },
        { PageSize: pageSize },
      );
      for await (const page of pages) {
        const loadBalancers = page.LoadBalancerDescriptions ?? [];
        const tags = new Map<string, AwsTag[]>();
        const names = loadBalancers.map(lb => lb.LoadBalancerName!);
        for (const batch of chunks(names, TAGS_PER_CALL)) {
          const out = await withPermission(tagsPermission, () =>
            clients.classic.send(
              new DescribeClassicTagsCommand({ LoadBalancerNames: batch }),
            ),
          );
          for (const d of out.TagDescriptions ?? []) {
            tags.set(d.LoadBalancerName!, d.Tags ?? []);
          }
        }
        yield { loadBalancers, tags };
      }
    },
    translate: (page, context) =>
      page.loadBalancers.map(lb =>
        translateClassicLoadBalancer(
          lb,
          page.tags.get(lb.LoadBalancerName!),
          context,
        ),
      ),
  };
}

interface V2Page {
  loadBalancers: LoadBalancer[];
  details: Map<string, LoadBalancerV2Details>;
}

const V2_PERMISSIONS = {
  listeners: 'elasticloadbalancing:DescribeListeners',
  targetGroups: 'elasticloadbalancing:DescribeTargetGroups',
  targetHealth: 'elasticloadbalancing:DescribeTargetHealth',
  tags: 'elasticloadbalancing:DescribeTags',
};

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** Listeners, target groups and their registered targets of one load balancer. */
async function v2Details(
  client: ElasticLoadBalancingV2Client,
  arn: string,
): Promise<Omit<LoadBalancerV2Details, 'tags'>> {
  const listeners: Listener[] = (
    await withPermission(V2_PERMISSIONS.listeners, () =>
      collect(paginateDescribeListeners({ client }, { LoadBalancerArn: arn })),
    )
  ).flatMap(p => p.Listeners ?? []);
  const groups: TargetGroup[] = (
    await withPermission(V2_PERMISSIONS.targetGroups, () =>
      collect(
        paginateDescribeTargetGroups({ client }, { LoadBalancerArn: arn }),
      ),
    )
  ).flatMap(p => p.TargetGroups ?? []);
  const targetGroups: TargetGroupWithTargets[] = [];
  for (const group of groups) {
    const health = await withPermission(V2_PERMISSIONS.targetHealth, () =>
      client.send(
        new DescribeTargetHealthCommand({
          TargetGroupArn: group.TargetGroupArn,
        }),
      ),
    );
    targetGroups.push({
      group,
      targets: health.TargetHealthDescriptions ?? [],
    });
  }
  return { listeners, targetGroups };
}

/**
 * Application, Network and Gateway load balancers, a page at a time; for
 * each, its listeners, target groups, registered targets and tags.
 */
export function loadBalancerV2Listing(
  pageSize: number,
): RegionalListing<LoadBalancingClients, V2Page> {
  return {
    permission: 'elasticloadbalancing:DescribeLoadBalancers',
    alsoNeeds: Object.values(V2_PERMISSIONS),
    async *pages(clients) {
      const pages = paginateDescribeLoadBalancers(
        { client: clients.v2 },
        { PageSize: pageSize },
      );
      for await (const page of pages) {
        const loadBalancers = page.LoadBalancers ?? [];
        const details = new Map<string, LoadBalancerV2Details>();
        for (const lb of loadBalancers) {
          const arn = lb.LoadBalancerArn!;
          details.set(arn, await v2Details(clients.v2, arn));
        }
        const arns = loadBalancers.map(lb => lb.LoadBalancerArn!);
        for (const batch of chunks(arns, TAGS_PER_CALL)) {
          const out = await withPermission(V2_PERMISSIONS.tags, () =>
            clients.v2.send(new DescribeTagsCommand({ ResourceArns: batch })),
          );
          for (const d of out.TagDescriptions ?? []) {
            const entry = details.get(d.ResourceArn!);
            if (entry) entry.tags = d.Tags ?? [];
          }
        }
        yield { loadBalancers, details };
      }
    },
    translate: (page, context) =>
      page.loadBalancers.map(lb =>
        translateLoadBalancerV2(
          lb,
          page.details.get(lb.LoadBalancerArn!)!,
          context,
        ),
      ),
  };
}
