import { ALL_CLIENTS } from '../shared/aws/all-clients.js';
/**
 * `npm run bench:idle`: the waste scan at scale against moto.
 * Seeds 4 regions × ~250 resources of every kind (running and stopped
 * instances, volumes, snapshots, AMIs, Elastic IPs, NAT gateways, ALBs/NLBs,
 * RDS), runs the job in-process (dry run: the scan is what is measured),
 * counts every AWS request per scope by operation with SDK middleware and
 * compares with the minimum (one page per listing, ceil(tagged / 100) GetResources, ceil(queries / 500)
 * GetMetricData), then precision and recall per rule against the seeded truth,
 * and the idle-resources Lambda's bundle size and handler import time.
 */
import { importTimeMs } from './bench/import-time.js';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { MiddlewareStack } from '@smithy/types';
import { isolatedAwsEnv, startMoto } from '../emulators/moto.js';
import { ESBUILD_OPTIONS } from '../infra/constructs/bundling.js';
import { parseConfig } from '../shared/config/load.js';
import { mapLimit } from '../shared/concurrency.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { createContext } from '../shared/jobs/common/context.js';
import { runIdleResources } from '../shared/jobs/idle-resources/job.js';
import { silentLogger } from '../shared/log.js';
import { clientConfig, seedFleet, type SeedInstance, type SeedRegion } from './demo/idle-resources.js';
import { seedWaste, type WasteSeed } from './demo/waste.js';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';
import { paginateGetResources, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { RESOURCES_PER_PAGE } from '../shared/waste/listings/tagged-resources.js';

hideSdkNodeVersionWarning();

const root = resolve(import.meta.dirname, '..');
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const RUNNING = 120;
const VOLUMES = 20;
const TYPES = ['m5.large', 'c6i.xlarge', 't3.medium', 'r6g.large'];

/** Per region: 120 running instances (30% idle), 20 unattached volumes, and the other rules' resources (waste and not). */
function fleet(region: string): SeedRegion {
  const instances: SeedInstance[] = Array.from({ length: RUNNING }, (_, i) => {
    const idle = [0, 3, 7].includes(i % 10);
    // A Name tag on every instance: the Tagging API lists them (it never lists a resource that was never tagged).
    return { type: TYPES[i % TYPES.length]!, cpu: idle ? 0.5 + (i % 4) : 15 + (i % 60), name: 'fleet' };
  });
  const volumes = Array.from({ length: VOLUMES }, (_, i) => ({
    type: ['gp2', 'gp3', 'io1', 'st1'][i % 4]!,
    sizeGiB: 125 + i * 10,
    ...(i % 4 === 2 ? { iops: 1000 } : {}),
  }));
  return { region, instances, volumes };
}
const WASTE: WasteSeed = {
  freeAddresses: 12,
  natGateways: [0, 0.5, 3, 40, 200],
  loadBalancers: Array.from({ length: 16 }, (_, i) => ({
    type: i % 3 === 2 ? ('network' as const) : ('application' as const),
    traffic: i % 2 ? 1000 + i : 0,
  })),
  orphanedSnapshots: 15,
  liveSnapshots: 8,
  images: 2,
  stoppedInstances: Array.from({ length: 10 }, () => ({ type: 'm5.large' })),
  databases: Array.from({ length: 12 }, (_, i) => ({
    id: `db-${i}`,
    cls: ['db.m5.large', 'db.r6g.large', 'db.t3.medium'][i % 3]!,
    engine: i % 2 ? 'mysql' : 'postgres',
    multiAz: i % 4 === 0,
    connections: i % 3 === 0 ? 0 : 5 + i,
  })),
};

/** Counts each HTTP attempt (retries included: deserialize runs inside the retry loop), per region and operation. */
function counting<T extends { middlewareStack: unknown }>(client: T, region: string, stats: Map<string, number>): T {
  (client.middlewareStack as MiddlewareStack<object, object>).add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      stats.set(`${region}|${op}`, (stats.get(`${region}|${op}`) ?? 0) + 1);
      return next(args);
    },
    { step: 'deserialize', name: 'benchCountCalls' },
  );
  return client;
}

/** What GetResources lists in a region (every resource ever tagged), counted outside the measured clients. */
async function taggedCount(env: Record<string, string>, region: string): Promise<number> {
  let n = 0;
  const client = new ResourceGroupsTaggingAPIClient(clientConfig(env, region));
  for await (const page of paginateGetResources({ client, pageSize: RESOURCES_PER_PAGE }, {}))
    n += page.ResourceTagMappingList?.length ?? 0;
  return n;
}

const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : '1.000');

async function bundleSizeAndImport(): Promise<string[]> {
  const outfile = join(root, 'node_modules', '.cache', 'cost-watch-bench', 'idle-resources.mjs');
  await build({ entryPoints: [join(root, 'lambdas/idle-resources/handler.ts')], outfile, ...ESBUILD_OPTIONS, logLevel: 'error' });
  const importMs = importTimeMs(root, outfile);
  return [
    `idle-resources Lambda bundle (minified, ESM, SDK bundled as deployed): ${(statSync(outfile).size / 1024).toFixed(1)} KB`,
    `handler module import time, median of 7 fresh processes: ${importMs.toFixed(0)} ms (goal ≤ 200 ms)`,
  ];
}

async function main(): Promise<void> {
  const moto = await startMoto();
  try {
    const env = await isolatedAwsEnv(moto.url);
    Object.assign(process.env, env);
    process.stdout.write(`seeding ${REGIONS.length} regions × ~250 resources of every kind …\n`);
    const t0 = performance.now();
    const plan = REGIONS.map(fleet);
    const [seeded, waste] = await Promise.all([seedFleet(env, plan), mapLimit(REGIONS, 2, (r) => seedWaste(env, r, WASTE))]);
    process.stdout.write(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const counts = new Map<string, number>();
    const aws = new AwsClients(process.env, ALL_CLIENTS);
    for (const region of REGIONS) {
      counting(aws.ec2(region), region, counts);
      counting(aws.cloudWatch(region), region, counts);
      counting(aws.elbv2(region), region, counts);
      counting(aws.rds(region), region, counts);
      counting(aws.tagging(region), region, counts);
    }
    counting(aws.costExplorer(), 'run', counts);
    const tagged = await Promise.all(REGIONS.map((r) => taggedCount(env, r)));
    const config = parseConfig({
      idle: { regions: REGIONS, concurrency: 4, rules: { 'orphaned-snapshot': { minAgeDays: 0 }, 'stopped-instance': { minDays: 0 } } },
    });
    const ctx = createContext({ config, log: silentLogger, dryRun: true, aws });
    const start = performance.now();
    const result = await runIdleResources(ctx);
    const wallMs = performance.now() - start;

    // Truth, from what was seeded (and, for gp2, from AWS's own volume list: moto gives every instance a gp2 root volume).
    // Keys are region|id: database identifiers repeat across regions.
    const truth = new Map<string, Set<string>>();
    let region = '';
    const add = (rule: string, ids: Iterable<string>) =>
      truth.set(rule, new Set([...(truth.get(rule) ?? []), ...[...ids].map((id) => `${region}|${id}`)]));
    const stoppedVolumes = new Set(waste.flatMap((w) => w.stoppedVolumes));
    for (const [r, name] of REGIONS.entries()) {
      region = name;
      const s = seeded[r]!;
      const w = waste[r]!;
      add(
        'idle-instance',
        s.instanceIds.filter((_, i) => plan[r]!.instances[i]!.cpu! < config.idle.cpuThresholdPct),
      );
      add('unattached-volume', s.volumeIds);
      add('unassociated-eip', w.freeAddresses);
      add(
        'idle-nat-gateway',
        w.natGateways.filter((_, i) => WASTE.natGateways![i]! < 1),
      );
      add(
        'idle-load-balancer',
        w.loadBalancers.filter((_, i) => WASTE.loadBalancers![i]!.traffic === 0),
      );
      add('orphaned-snapshot', w.orphanedSnapshots);
      add('stopped-instance', w.stoppedInstances);
      add(
        'idle-rds',
        w.databases.filter((_, i) => WASTE.databases![i]!.connections === 0),
      );
      const vols = await new EC2Client(clientConfig(env, region)).send(new DescribeVolumesCommand({ MaxResults: 500 }));
      add(
        'gp2-volume',
        (vols.Volumes ?? [])
          .filter((v) => v.VolumeType === 'gp2' && v.State === 'in-use' && !stoppedVolumes.has(v.VolumeId!))
          .map((v) => v.VolumeId!),
      );
      // The live snapshots' source volumes stay: unattached gp3 volumes, real findings too.
      add(
        'unattached-volume',
        (vols.Volumes ?? []).filter((v) => v.State === 'available' && !s.volumeIds.includes(v.VolumeId!)).map((v) => v.VolumeId!),
      );
    }

    const lines = [
      '',
      `scan wall time, ${REGIONS.length} regions, concurrency ${config.idle.concurrency}: ${(wallMs / 1000).toFixed(2)} s`,
      '',
      'AWS calls per scope (region) by operation: measured / minimum',
    ];
    const ops = [...new Set([...counts.keys()].map((k) => k.split('|')[1]!))].sort();
    /** Metric queries a scope needs: one per running instance, NAT gateway, load balancer and database. */
    const queriesOf = (region: string) => {
      const w = waste[REGIONS.indexOf(region)]!;
      return (
        result.byRegion.find((b) => b.region === region)!.runningInstances +
        w.natGateways.length +
        w.loadBalancers.length +
        w.databases.length
      );
    };
    const minimum = (region: string, op: string): number => {
      const w = waste[REGIONS.indexOf(region)]!;
      const lbs = w.loadBalancers.length;
      const queries = queriesOf(region);
      const min: Record<string, number> = {
        DescribeInstances: 1,
        DescribeVolumes: 1,
        DescribeAddresses: 1,
        DescribeNatGateways: 1,
        DescribeSnapshots: 1,
        DescribeImages: 1,
        DescribeLoadBalancers: Math.max(1, Math.ceil(lbs / 400)),
        DescribeTags: Math.ceil(lbs / 20),
        DescribeDBInstances: Math.max(1, Math.ceil(w.databases.length / 100)),
        GetMetricData: Math.ceil(queries / 500),
        GetResources: Math.max(1, Math.ceil(tagged[REGIONS.indexOf(region)]! / RESOURCES_PER_PAGE)),
      };
      return min[op] ?? 0;
    };
    let total = 0;
    let totalMin = 0;
    lines.push(`  ${'operation'.padEnd(24)}${REGIONS.map((r) => r.padStart(16)).join('')}`);
    for (const op of ops) {
      const cells = REGIONS.map((r) => {
        const m = counts.get(`${r}|${op}`) ?? 0;
        const min = minimum(r, op);
        total += m;
        totalMin += min;
        return `${m} / ${min}`.padStart(16);
      });
      lines.push(`  ${op.padEnd(24)}${cells.join('')}`);
    }
    lines.push(`  total: ${total} calls for ${REGIONS.length} scopes, minimum ${totalMin}; ratio ${(total / totalMin).toFixed(2)}`);
    const metricCalls = REGIONS.reduce((s, r) => s + (counts.get(`${r}|GetMetricData`) ?? 0), 0);
    lines.push(
      `  metric queries ${REGIONS.map(queriesOf).join(' + ')} in ${metricCalls} GetMetricData calls (one CloudWatch call per ` +
        `resource would be ${REGIONS.reduce((s, r) => s + queriesOf(r), 0)})`,
    );
    lines.push(
      `  ownership: GetResources ${REGIONS.map((r) => counts.get(`${r}|GetResources`) ?? 0).join(' + ')} pages for ` +
        `${tagged.join(' + ')} tagged resources (ResourcesPerPage ${RESOURCES_PER_PAGE}); ` +
        `${result.unassigned.resources.length} unassigned; Cost Explorer GetCostAndUsage ${counts.get('run|GetCostAndUsage') ?? 0} per run`,
    );
    lines.push('', 'precision / recall per rule (all regions):');
    for (const g of result.byRule) {
      const t = truth.get(g.rule) ?? new Set<string>();
      const found = result.findings.filter((f) => f.rule === g.rule).map((f) => `${f.region}|${f.id}`);
      const hits = found.filter((id) => t.has(id)).length;
      lines.push(
        `  ${g.rule.padEnd(20)} found ${String(found.length).padStart(4)}, seeded ${String(t.size).padStart(4)}; ` +
          `precision ${pct(hits, found.length)}, recall ${pct(hits, t.size)}; $${g.estimatedMonthlyCost.toFixed(2)}/month`,
      );
    }
    lines.push(
      '',
      `findings ${result.findings.length}, ruleErrors ${result.ruleErrors.length}, regionErrors ${result.regionErrors.length}, ` +
        `estimated monthly savings $${result.estimatedMonthlySavings.toFixed(2)}`,
    );
    lines.push('', ...(await bundleSizeAndImport()));
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await moto.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:idle failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
