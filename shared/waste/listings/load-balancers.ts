import {
  DescribeTagsCommand,
  paginateDescribeLoadBalancers,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { LoadBalancer } from '../../detect/waste/types.js';
import { explainAwsError } from '../../aws/errors.js';
import { mapLimit } from '../../concurrency.js';
import { tagMap } from './tags.js';
import { anyResource, type Listed, type ListingSource } from './types.js';

const LB_PAGE = 400;
/** DescribeTags takes at most 20 ARNs a request. */
export const TAGS_BATCH = 20;
const TAG_CONCURRENCY = 4;

/**
 * `arn:…:loadbalancer/app/<name>/<id>` → CloudWatch's `app/<name>/<id>`. The
 * prefix follows the type (`net/` for NLBs) whatever the ARN says.
 */
export function metricDimension(arn: string, type: string): string {
  const tail = arn.split(':loadbalancer/')[1] ?? '';
  const rest = tail.split('/').slice(1).join('/');
  return `${type === 'network' ? 'net' : type === 'gateway' ? 'gwy' : 'app'}/${rest}`;
}

/** Every ELBv2 load balancer with its tags: the listing does not carry tags, so they come from DescribeTags, 20 ARNs a call. */
async function listLoadBalancers(elb: ElasticLoadBalancingV2Client, region: string): Promise<Listed<LoadBalancer>> {
  const found: Omit<LoadBalancer, 'tags'>[] = [];
  let pages = 0;
  try {
    for await (const out of paginateDescribeLoadBalancers({ client: elb, pageSize: LB_PAGE }, {})) {
      pages++;
      for (const lb of out.LoadBalancers ?? []) {
        if (!lb.LoadBalancerArn) continue;
        const type = lb.Type ?? 'application';
        found.push({
          arn: lb.LoadBalancerArn,
          name: lb.LoadBalancerName ?? lb.LoadBalancerArn,
          type,
          state: lb.State?.Code ?? 'unknown',
          createTime: lb.CreatedTime?.toISOString(),
          dimension: metricDimension(lb.LoadBalancerArn, type),
        });
      }
    }
  } catch (err) {
    throw explainAwsError(err, `ELB DescribeLoadBalancers in ${region}`, 'elasticloadbalancing:DescribeLoadBalancers');
  }
  const batches: string[][] = [];
  for (let i = 0; i < found.length; i += TAGS_BATCH) batches.push(found.slice(i, i + TAGS_BATCH).map((lb) => lb.arn));
  const tags = new Map<string, Record<string, string>>();
  await mapLimit(batches, TAG_CONCURRENCY, async (arns) => {
    const out = await elb.send(new DescribeTagsCommand({ ResourceArns: arns })).catch((err: unknown) => {
      throw explainAwsError(err, `ELB DescribeTags in ${region}`, 'elasticloadbalancing:DescribeTags');
    });
    for (const d of out.TagDescriptions ?? []) if (d.ResourceArn) tags.set(d.ResourceArn, tagMap(d.Tags));
  });
  return {
    items: found.map((lb) => ({ ...lb, tags: tags.get(lb.arn) ?? {} })),
    calls: { DescribeLoadBalancers: pages, DescribeTags: batches.length },
  };
}

export const loadBalancers: ListingSource<'loadBalancers', 'elbv2'> = {
  name: 'loadBalancers',
  service: 'elbv2',
  calls: ['DescribeLoadBalancers', 'DescribeTags'],
  iam: anyResource('elasticloadbalancing', ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeTags']),
  exemptTag: true,
  idOf: (lb) => lb.arn,
  list: listLoadBalancers,
};
