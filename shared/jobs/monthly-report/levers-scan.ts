import { readStandardBytes } from '../../aws/bucket-sizes.js';
import { readBucketLifecycles } from '../../aws/bucket-lifecycle.js';
import { defaultRegion } from '../../aws/clients.js';
import { assertKnownRegions, enabledRegions } from '../../aws/regions.js';
import { leverGap } from '../../aws/review-gap.js';
import type { MemberAccess } from '../../aws/aws-clients.js';
import { eachAccountChecked, type ScopeAccount } from '../../aws/scopes.js';
import type { ScopeClients } from '../../waste/listings/index.js';
import { mapLimit } from '../../concurrency.js';
import { ec2Graviton, rdsGraviton } from '../../pricing/graviton.js';
import { s3IntelligentTieringSaving, s3StandardMonthlyCost } from '../../pricing/s3-prices.js';
import { BASIS, COLD_SHARE } from '../../review/levers/basis.js';
import { rdsResource } from '../../review/levers/optimization-hub.js';
import type { GravitonItem, Lever, StorageClassItem } from '../../review/levers/types.js';
import type { ReviewGap } from '../../review/types.js';
import { makeListing } from '../../waste/listings/index.js';
import { jobAccounts } from '../common/accounts.js';
import type { JobContext } from '../common/context.js';

/**
 * The levers read from the accounts themselves: Graviton candidates among
 * the running instances of every scanned account and region (`idle.regions`),
 * and S3 buckets of the account the job runs in without a lifecycle
 * configuration, sized from CloudWatch in each bucket's region.
 */

export interface ScanPart<L extends Lever> {
  readonly lever: L;
  readonly gaps: ReviewGap[];
  /** Non-Cost Explorer calls, by operation. */
  readonly calls: Record<string, number>;
}

const add = (into: Record<string, number>, calls: Readonly<Record<string, number>>) => {
  for (const [op, n] of Object.entries(calls)) into[op] = (into[op] ?? 0) + n;
};
const gapLever = <L extends Lever>(lever: L['lever'], basis: string): L =>
  ({ lever, estimatedMonthlySavings: null, basis, items: [], gap: true }) as unknown as L;

/** One (account, region): running EC2 instances and available DB instances with a Graviton move the price table can price. */
async function scanRegion(ctx: JobContext, accountId: string | null, region: string, member: MemberAccess | undefined) {
  // The listings read only EC2 and RDS; the other clients are never built.
  const clients = { ec2: ctx.aws.ec2(region, member), rds: ctx.aws.rds(region, member) } as unknown as ScopeClients;
  const [instances, dbs] = await Promise.all([makeListing('instances', clients, region), makeListing('dbInstances', clients, region)]);
  const items: GravitonItem[] = [];
  for (const i of instances.items) {
    const move = i.state === 'running' ? ec2Graviton(region, i.instanceType) : null;
    if (move)
      items.push({
        account: accountId,
        region,
        resourceType: 'ec2-instance',
        id: i.id,
        name: i.tags.Name ?? null,
        currentType: i.instanceType,
        ...move,
        resource: i.id,
      });
  }
  for (const d of dbs.items) {
    const move = d.status === 'available' ? rdsGraviton(region, d.engine, d.instanceClass, d.multiAz) : null;
    if (move)
      items.push({
        account: accountId,
        region,
        resourceType: 'rds-instance',
        id: d.id,
        name: null,
        currentType: d.instanceClass,
        ...move,
        resource: rdsResource(region, d.id),
      });
  }
  return { items, calls: { ...instances.calls, ...dbs.calls } };
}

export async function gravitonLever(ctx: JobContext, homeAccount: string): Promise<ScanPart<Lever<'graviton'>>> {
  const calls: Record<string, number> = {};
  const idle = ctx.config.idle;
  try {
    if (idle.regions !== 'all') assertKnownRegions(idle.regions);
    const home = defaultRegion(ctx.env);
    const regions = idle.regions === 'all' ? await enabledRegions(ctx.aws.ec2(home), home) : [...new Set(idle.regions)];
    const { plan, access } = await jobAccounts(ctx);
    const failures: string[] = [];
    const checked = await eachAccountChecked<ScopeAccount, Awaited<ReturnType<typeof scanRegion>>[]>(
      access,
      plan.accounts,
      ctx.config.organization?.concurrency ?? 4,
      (account) =>
        mapLimit(regions, idle.concurrency, (region) =>
          scanRegion(ctx, account.home ? homeAccount : account.id, region, access.member(account)).catch((err: unknown) => {
            failures.push(`${account.home ? homeAccount : account.id} ${region}: ${(err as Error).message}`);
            return { items: [] as GravitonItem[], calls: {} };
          }),
        ),
    );
    const scans = checked.results.flatMap((r) => r.value);
    for (const s of scans) add(calls, s.calls);
    failures.push(...checked.errors.map((e) => `${e.account}: ${e.message}`));
    const items = scans.flatMap((s) => s.items).sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings);
    const gaps: ReviewGap[] = failures.length
      ? [{ part: 'graviton', operation: 'DescribeInstances', message: `not scanned: ${failures.join('; ')}` }]
      : [];
    if (failures.length && !scans.length) return { lever: gapLever('graviton', BASIS.graviton), gaps, calls };
    return { lever: { lever: 'graviton', estimatedMonthlySavings: null, basis: BASIS.graviton, items }, gaps, calls };
  } catch (err) {
    return {
      lever: gapLever('graviton', BASIS.graviton),
      gaps: [leverGap(err, 'graviton', 'DescribeInstances', 'ec2:DescribeInstances')],
      calls,
    };
  }
}

export async function storageLever(ctx: JobContext, homeAccount: string): Promise<ScanPart<Lever<'storage-class'>>> {
  const calls: Record<string, number> = {};
  const basis = BASIS['storage-class'];
  try {
    const listed = await readBucketLifecycles((region) => ctx.aws.s3(region));
    add(calls, listed.requests);
    const open = listed.buckets.filter((b) => !b.hasLifecycle);
    const regions = [...new Set(open.map((b) => b.region))];
    const sized = await Promise.all(
      regions.map(async (region) => {
        const names = open.filter((b) => b.region === region).map((b) => b.bucket);
        const out = await readStandardBytes(ctx.aws.cloudWatch(region), names, ctx.now);
        add(calls, { GetMetricData: out.requests });
        return names.map((bucket) => ({ bucket, region, bytes: out.bytes.get(bucket) ?? 0 }));
      }),
    );
    const items: StorageClassItem[] = [];
    for (const b of sized.flat()) {
      const cost = s3StandardMonthlyCost(b.region, b.bytes);
      const saving = s3IntelligentTieringSaving(b.region, b.bytes, COLD_SHARE);
      if (b.bytes <= 0 || cost === null || saving === null) continue;
      items.push({
        account: homeAccount,
        region: b.region,
        bucket: b.bucket,
        standardBytes: b.bytes,
        monthlyCost: cost,
        estimatedMonthlySavings: saving,
        resource: `s3:${b.bucket}`,
      });
    }
    items.sort((a, b) => b.estimatedMonthlySavings - a.estimatedMonthlySavings);
    return { lever: { lever: 'storage-class', estimatedMonthlySavings: null, basis, items }, gaps: [], calls };
  } catch (err) {
    const op = /GetMetricData/.test((err as Error).message)
      ? 'GetMetricData'
      : /ListBuckets/.test((err as Error).message)
        ? 'ListBuckets'
        : 'GetBucketLifecycleConfiguration';
    const permission = {
      GetMetricData: 'cloudwatch:GetMetricData',
      ListBuckets: 's3:ListAllMyBuckets',
      GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
    }[op]!;
    return { lever: gapLever('storage-class', basis), gaps: [leverGap(err, 'storage-class', op, permission)], calls };
  }
}
