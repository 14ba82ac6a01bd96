/**
 * `npm run bench:idle`: the idle-resources scan at scale against moto.
 * Seeds 4 regions × 250 running instances (30% idle, 14 days of daily CPU
 * datapoints) and 20 unattached volumes per region, runs the job in-process
 * (dry run: the scan is what is measured), counts every AWS request by
 * operation with SDK middleware, and compares with the physical minimum.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { MiddlewareStack } from '@smithy/types';
import { isolatedAwsEnv, startMoto } from '../emulators/moto.js';
import { cloudWatchClient, ec2Client } from '../shared/aws/clients.js';
import { parseConfig } from '../shared/config/load.js';
import { AwsClients, createContext } from '../shared/jobs/context.js';
import { runIdleResources } from '../shared/jobs/idle-resources.js';
import { silentLogger } from '../shared/log.js';
import { seedFleet, type SeedInstance, type SeedRegion } from './demo/idle-resources.js';
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';

hideSdkNodeVersionWarning();

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const INSTANCES = 250;
const VOLUMES = 20;
const IDLE_SHARE = 0.3;
const TYPES = ['m5.large', 'c6i.xlarge', 't3.medium', 'r6g.large'];

/** Deterministic fleet: every 10th, 3rd and 7th instance of each ten is idle (30%). */
function fleet(region: string): SeedRegion {
  const instances: SeedInstance[] = Array.from({ length: INSTANCES }, (_, i) => {
    const idle = [0, 3, 7].includes(i % 10);
    return { type: TYPES[i % TYPES.length]!, cpu: idle ? 0.5 + (i % 4) : 15 + (i % 60) };
  });
  const volumes = Array.from({ length: VOLUMES }, (_, i) => ({ type: ['gp2', 'gp3', 'io1', 'st1'][i % 4]!, sizeGiB: 125 + i * 10, ...(i % 4 === 2 ? { iops: 1000 } : {}) }));
  return { region, instances, volumes };
}

type Counted = EC2Client | CloudWatchClient;

/** Counts each HTTP attempt (retries included: deserialize runs inside the retry loop). */
interface OpStats {
  calls: number;
  /** Sum of request latencies; requests overlap, so this can exceed the wall time. */
  ms: number;
}

function counting<T extends Counted>(client: T, stats: Map<string, OpStats>): T {
  const stack = client.middlewareStack as unknown as MiddlewareStack<object, object>;
  stack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const s = stats.get(op) ?? { calls: 0, ms: 0 };
      stats.set(op, s);
      s.calls++;
      const t = performance.now();
      try {
        return await next(args);
      } finally {
        s.ms += performance.now() - t;
      }
    },
    { step: 'deserialize', name: 'benchCountCalls' },
  );
  return client;
}

async function main(): Promise<void> {
  const moto = await startMoto();
  try {
    const env = await isolatedAwsEnv(moto.url);
    Object.assign(process.env, env);
    process.stdout.write(`seeding ${REGIONS.length} regions × ${INSTANCES} instances (${IDLE_SHARE * 100}% idle, 14 days of CPU) + ${VOLUMES} unattached volumes …\n`);
    const t0 = performance.now();
    const plan = REGIONS.map(fleet);
    const seeded = await seedFleet(env, plan);
    process.stdout.write(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const counts = new Map<string, OpStats>();
    const aws = new AwsClients();
    for (const region of REGIONS) {
      aws.get(`ec2:${region}`, () => counting(ec2Client(region), counts));
      aws.get(`cloudwatch:${region}`, () => counting(cloudWatchClient(region), counts));
    }
    const config = parseConfig({ idle: { regions: REGIONS, concurrency: 4, lookbackDays: 14, cpuThresholdPct: 5 } });
    const ctx = createContext({ config, log: silentLogger, dryRun: true, aws });

    const start = performance.now();
    const result = await runIdleResources(ctx);
    const wallMs = performance.now() - start;

    const truth = new Set(seeded.flatMap((s, r) => s.instanceIds.filter((_, i) => plan[r]!.instances[i]!.cpu! < config.idle.cpuThresholdPct)));
    const found = new Set(result.idleInstances.map((i) => i.id));
    const hits = [...found].filter((id) => truth.has(id)).length;
    const volTruth = new Set(seeded.flatMap((s) => s.volumeIds));
    const volHits = result.unattachedVolumes.filter((v) => volTruth.has(v.id)).length;

    const minimum = REGIONS.length * (Math.ceil(INSTANCES / 1000) + Math.ceil(VOLUMES / 500) + Math.ceil(INSTANCES / 500));
    const total = [...counts.values()].reduce((a, b) => a + b.calls, 0);
    const lines = [
      '',
      `wall time (scan, ${REGIONS.length} regions, concurrency ${config.idle.concurrency}): ${(wallMs / 1000).toFixed(2)} s`,
      'AWS calls by operation:',
      ...[...counts].sort().map(([op, s]) => `  ${op.padEnd(18)} ${String(s.calls).padStart(3)}   (${(s.ms / s.calls / 1000).toFixed(2)} s per request)`),
      `  ${'total'.padEnd(18)} ${total}`,
      `physical minimum: ${minimum} (per region: ⌈${INSTANCES}/1000⌉ DescribeInstances + ⌈${VOLUMES}/500⌉ DescribeVolumes + ⌈${INSTANCES}/500⌉ GetMetricData)`,
      `ratio: ${(total / minimum).toFixed(2)} × minimum (goal ≤ 1.2)`,
      `idle instances: found ${found.size}, seeded ${truth.size}; recall ${(hits / truth.size).toFixed(3)}, precision ${(found.size ? hits / found.size : 1).toFixed(3)}`,
      `unattached volumes: found ${result.unattachedVolumes.length}, seeded ${volTruth.size}; recall ${(volHits / volTruth.size).toFixed(3)}, precision ${(volHits / Math.max(1, result.unattachedVolumes.length)).toFixed(3)}`,
      `noData ${result.noData}, regionErrors ${result.regionErrors.length}, estimated monthly savings $${result.estimatedMonthlySavings.toFixed(2)}`,
    ];
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
