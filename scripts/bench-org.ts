import { ALL_CLIENTS } from '../shared/aws/all-clients.js';
/**
 * `npm run bench:org`: idle-resources across an organization on moto.
 * 10 accounts (the management account + 9 members) × 4 regions × 100 running
 * instances (30% idle) and 5 unattached volumes: AWS calls against the
 * minimum (counted by a pass-through proxy in front of moto), wall time at
 * concurrency 1 and 16 (direct to moto), then the on-paper figures for
 * 500 accounts × 17 regions (scripts/bench/org-paper.ts).
 */
import { hideSdkNodeVersionWarning } from '../cli/node-warnings.js';
import { seedOrganization } from '../emulators/organization.js';
import { isolatedAwsEnv, startMoto } from '../emulators/moto.js';
import { mapLimit } from '../shared/concurrency.js';
import { parseConfig } from '../shared/config/load.js';
import { WASTE_RULES } from '../shared/detect/waste/registry.js';
import { AwsClients } from '../shared/aws/aws-clients.js';
import { createContext } from '../shared/jobs/common/context.js';
import { runIdleResources } from '../shared/jobs/idle-resources/job.js';
import { silentLogger } from '../shared/log.js';
import { awsFaultProxy } from '../test/support/fault-proxy.js';
import { memberClientConfig } from '../test/support/org.js';
import { printPaperFigures } from './bench/org-paper.js';
import { seedFleet, type SeedRegion } from './demo/idle-resources.js';

hideSdkNodeVersionWarning();

const MEMBERS = 9;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const INSTANCES = 100;
const VOLUMES = 5;
const TYPES = ['m5.large', 'c6i.xlarge', 't3.medium', 'r6g.large'];

function fleet(region: string): SeedRegion {
  return {
    region,
    instances: Array.from({ length: INSTANCES }, (_, i) => ({
      type: TYPES[i % TYPES.length]!,
      cpu: [0, 3, 7].includes(i % 10) ? 1 + (i % 3) : 20 + (i % 50),
    })),
    volumes: Array.from({ length: VOLUMES }, (_, i) => ({ type: i % 2 ? 'gp3' : 'gp2', sizeGiB: 50 + i * 10 })),
  };
}

async function run(concurrency: number) {
  const config = parseConfig({ idle: { regions: REGIONS }, organization: { accounts: 'all', concurrency } });
  // Fresh clients each run: every run pays its own GetCallerIdentity, ListAccounts and AssumeRoles.
  const ctx = createContext({ config, log: silentLogger, aws: new AwsClients(process.env, ALL_CLIENTS), dryRun: true });
  const t = performance.now();
  const result = await runIdleResources(ctx);
  return { result, seconds: (performance.now() - t) / 1000 };
}

async function main(): Promise<void> {
  const moto = await startMoto();
  try {
    const env = await isolatedAwsEnv(moto.url);
    Object.assign(process.env, env);
    const clientConfig = {
      endpoint: moto.url,
      region: 'us-east-1',
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    };
    const aws = { env, clientConfig } as Parameters<typeof memberClientConfig>[0];
    process.stdout.write(
      `seeding an organization of ${MEMBERS + 1} accounts × ${REGIONS.length} regions × ${INSTANCES} instances (30% idle) ` +
        `+ ${VOLUMES} volumes …\n`,
    );
    const t0 = performance.now();
    const org = await seedOrganization({ clientConfig, members: Array.from({ length: MEMBERS }, (_, i) => `Team ${i + 1}`) });
    const envs = [
      env,
      ...(await Promise.all(
        org.members.map(async (m) => {
          const c = (await memberClientConfig(aws, m.id)).credentials;
          return { ...env, AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey, AWS_SESSION_TOKEN: c.sessionToken };
        }),
      )),
    ];
    await mapLimit(envs, 3, (e) => seedFleet(e, REGIONS.map(fleet)));
    process.stdout.write(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n\n`);

    // Counted run: every request through a pass-through proxy (it fails nothing).
    const proxy = await awsFaultProxy(moto.url, () => undefined);
    process.env.AWS_ENDPOINT_URL = proxy.url;
    const counted = await run(16);
    process.env.AWS_ENDPOINT_URL = moto.url;
    await proxy.close();
    const byAction = new Map<string, number>();
    for (const c of proxy.calls) byAction.set(c.action, (byAction.get(c.action) ?? 0) + 1);

    const pairs = (MEMBERS + 1) * REGIONS.length;
    const listings = new Set(WASTE_RULES.flatMap((r) => r.needs)).size;
    const metricCalls = Math.ceil(INSTANCES / 500);
    // Ownership: one GetResources page per pair (the seeded fleet carries no tags) and one Cost Explorer request per run.
    const taggingPages = 1;
    const minimum = 1 + 1 + MEMBERS + pairs * (listings + metricCalls + taggingPages) + 1;
    const total = proxy.calls.length;
    const r = counted.result;
    const lines = [
      `AWS calls (one run, ${pairs} account-region pairs, concurrency 16):`,
      ...[...byAction].sort().map(([op, n]) => `  ${op.padEnd(22)} ${String(n).padStart(5)}`),
      `  ${'total'.padEnd(22)} ${String(total).padStart(5)}`,
      `minimum: ${minimum} = 1 ListAccounts page + 1 GetCallerIdentity + ${MEMBERS} AssumeRole (one per member) + ${pairs} ` +
        `pairs × (${listings} listings the ${WASTE_RULES.length} rules need + ${metricCalls} GetMetricData + ${taggingPages} GetResources)` +
        ' + 1 GetCostAndUsage',
      `ownership: GetResources ${byAction.get('GetResources') ?? 0} calls for ${pairs} pairs ` +
        `(${((byAction.get('GetResources') ?? 0) / pairs).toFixed(2)} per pair, one page per 100 resources); ` +
        `GetCostAndUsage ${byAction.get('GetCostAndUsage') ?? 0} for the run; ${r.unassigned.resources.length} unassigned resources`,
      `ratio: ${(total / minimum).toFixed(3)} × minimum`,
      `found: ${r.idleInstances.length} idle instances (seeded ${(MEMBERS + 1) * REGIONS.length * INSTANCES * 0.3}),` +
        ` ${r.unattachedVolumes.length} unattached volumes (seeded ${pairs * VOLUMES}), ${r.findings?.length ?? 0} findings; ` +
        `accountErrors ${r.accountErrors.length}, regionErrors ${r.regionErrors.length}`,
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);

    for (const c of [1, 16]) {
      const { seconds, result } = await run(c);
      process.stdout.write(
        `wall time at concurrency ${String(c).padStart(2)}: ${seconds.toFixed(2)} s (${pairs} pairs,` +
          ` ${(seconds / pairs).toFixed(3)} s per pair at 1; ${result.idleInstances.length} idle found)\n`,
      );
    }
  } finally {
    await moto.stop();
  }
  printPaperFigures();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:org failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
