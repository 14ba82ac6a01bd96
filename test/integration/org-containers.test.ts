import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCostExplorerDouble, type CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { defaultScenario, generateCur2Dataset, type Cur2Dataset } from '../../emulators/cur2/index.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { monthlyReportDataset } from '../../scripts/demo/monthly-report.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const MONTH = '2026-11';
let aws: TestAws;
let ce: CostExplorerDouble;
let org: SeededOrganization;
let ds: Cur2Dataset;
let dir: string;

beforeAll(async () => {
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web'] });
  ce.setDataset(monthlyReportDataset(MONTH).map((r) => ({ ...r, account: org.members[0]!.id })));
  dir = mkdtempSync(join(tmpdir(), 'cw-org-containers-'));
  // prod-eks runs in Data, staging-eks in Web: one export for the whole organization, as the payer's is.
  const base = defaultScenario();
  const [prod, staging, ecs] = base.clusters;
  const scenario = {
    ...base,
    clusters: [{ ...prod!, account: org.members[0]!.id }, { ...staging!, account: org.members[1]!.id }, ecs!],
  };
  ds = await generateCur2Dataset({ root: join(dir, 'cur'), scenario });
}, 120_000);
afterAll(async () => {
  await ce?.stop();
});

describe('monthly-report containers in an organization', () => {
  it('counts only the chosen accounts’ clusters from the organization-wide export', async () => {
    const file = join(dir, 'config.json');
    const config = { organization: { accounts: [org.members[0]!.id] }, containers: { export: { path: ds.exportUrl } } };
    writeFileSync(file, JSON.stringify(config));
    const r = await runCli(['run', 'monthly-report', '--config', file, '--json', '--month', MONTH, '--dry-run'], {
      env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url },
      timeoutMs: 90_000,
    });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.containers.clusters.map((c: { cluster: string }) => c.cluster)).toEqual(['prod-eks']);
    expect(new Set(json.containers.namespaces.map((n: { cluster: string }) => n.cluster))).toEqual(new Set(['prod-eks']));
  });
});
