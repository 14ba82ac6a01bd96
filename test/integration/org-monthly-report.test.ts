import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startCostExplorerDouble, type CostExplorerDouble, type CostRecord, type DatasetOptions } from '../../emulators/cost-explorer.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const MONTH = '2026-03';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const S3 = 'Amazon Simple Storage Service';

let aws: TestAws;
let ce: CostExplorerDouble;
let s3: S3Client;
let org: SeededOrganization;
let dir: string;
const BUCKET = `org-reports-${Date.now()}`;

/** February and March for two members and the management account: Data doubles, Web halves. */
function dataset(): CostRecord[] {
  const [data, web] = org.members;
  const rows = (month: string, account: string, service: string, amount: number): CostRecord => ({
    date: `${month}-10`,
    service,
    amount,
    linkedAccount: account,
    tags: account === aws.account.accountId ? {} : { team: account === data!.id ? 'data' : 'web' },
  });
  return [
    rows('2026-02', data!.id, EC2, 1000),
    rows('2026-03', data!.id, EC2, 2000),
    rows('2026-03', data!.id, S3, 50),
    rows('2026-02', web!.id, EC2, 400),
    rows('2026-03', web!.id, EC2, 200),
    rows('2026-03', aws.account.accountId, S3, 10),
  ];
}

/** Web's own instance advice and Savings Plan, to be left out when Web is not chosen. */
function review(): DatasetOptions {
  const [data, web] = org.members;
  const advice = (account: string, id: string, saving: number) => ({
    accountId: account,
    instanceId: id,
    instanceType: 'm5.2xlarge',
    monthlyCost: 280,
    action: 'modify' as const,
    targets: [{ instanceType: 'm5.large', estimatedMonthlySavings: saving, default: true }],
  });
  const plan = (account: string, used: number) => ({
    month: MONTH,
    linkedAccount: account,
    totalCommitment: 100,
    usedCommitment: used,
    coveredSpend: used,
    onDemandCost: 100,
  });
  return {
    rightsizing: [advice(data!.id, 'i-data', 140), advice(web!.id, 'i-web', 210)],
    savingsPlans: [plan(data!.id, 100), plan(web!.id, 20)],
  };
}

async function report(organization: Record<string, unknown> = { accounts: 'all' }, extra: Record<string, unknown> = {}) {
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ organization, report: { bucket: BUCKET, prefix: 'r/', ...extra } }));
  const r = await runCli(['run', 'monthly-report', '--config', file, '--json', '--month', MONTH], {
    env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url },
    timeoutMs: 90_000,
  });
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

async function read(key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

beforeAll(async () => {
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data', 'Web'] });
  ce.setDataset(dataset());
  dir = mkdtempSync(join(tmpdir(), 'cw-org-report-'));
}, 60_000);

afterAll(async () => {
  await ce?.stop();
});

describe('monthly-report in an organization', () => {
  it('reports byAccount with names from the same by-service request, an HTML section, the account in the CSV and the xlsx Accounts sheet', async () => {
    const [data, web] = org.members;

    const { code, json, stderr } = await report();

    expect(code, stderr).toBe(0);
    expect(json.byAccount).toEqual([
      { account: data!.id, name: 'Data', amount: 2050, previous: 1000, changePct: 105 },
      { account: web!.id, name: 'Web', amount: 200, previous: 400, changePct: -50 },
      { account: aws.account.accountId, name: expect.any(String), amount: 10, previous: 0, changePct: null },
    ]);
    expect(json.byService.map((s: { key: string; amount: number }) => [s.key, s.amount])).toEqual([
      [EC2, 2200],
      [S3, 60],
    ]);
    // Grouping by account rides on the by-service request: no extra Cost Explorer call.
    const byService = ce.requests.filter(
      (r) =>
        r.operation === 'GetCostAndUsage' &&
        String(JSON.stringify(r.body.GroupBy)).includes('SERVICE') &&
        !String(JSON.stringify(r.body.GroupBy)).includes('USAGE_TYPE'),
    );
    expect(byService).toHaveLength(1);
    expect(byService[0]!.body.GroupBy).toEqual([
      { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
      { Type: 'DIMENSION', Key: 'SERVICE' },
    ]);
    // 2 for the report, 3 for the savings levers (Spot; data transfer by service and by account).
    expect(ce.requests.filter((r) => r.operation === 'GetCostAndUsage')).toHaveLength(5);

    const html = (await read(`r/${MONTH}/cost-report.html`)).toString('utf8');
    expect(html).toContain('By account (3)');
    expect(html).toContain(`Data (${data!.id})`);
    const csv = (await read(`r/${MONTH}/cost-report.csv`)).toString('utf8').split('\r\n');
    expect(csv[0]).toBe('month,account,account_name,service,amount,previous,change,change_pct,currency');
    expect(csv).toContain(`${MONTH},${data!.id},Data,${EC2},2000.00,1000.00,1000.00,100,USD`);
    expect(csv).toContain(`${MONTH},${web!.id},Web,${EC2},200.00,400.00,-200.00,-50,USD`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await read(`r/${MONTH}/cost-report.xlsx`)) as never);
    const sheet = wb.getWorksheet('Accounts')!;
    const values = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1, 3)] : []));
    expect(values).toContainEqual([data!.id, 'Data']);
  });

  it('leaves accounts outside the choice out of every figure, file and Cost Explorer request', async () => {
    const [data, web] = org.members;
    ce.setDataset(dataset(), review());
    ce.resetRequests();

    const { code, json, stderr } = await report(
      { accounts: 'all', excludeAccounts: [web!.id] },
      { allocationTargets: { team: { data: 50, web: 50 } } },
    );

    expect(code, stderr).toBe(0);
    expect([json.total, json.previousTotal]).toEqual([2060, 1000]);
    expect(json.byAccount.map((a: { account: string }) => a.account)).toEqual([data!.id, aws.account.accountId]);
    expect(json.byService.map((s: { key: string; amount: number }) => [s.key, s.amount])).toEqual([
      [EC2, 2000],
      [S3, 60],
    ]);
    expect(json.byCategory.reduce((n: number, c: { amount: number }) => n + c.amount, 0)).toBe(2060);
    const allocated = Object.fromEntries(json.allocation.map((a: { value: string; amount: number }) => [a.value, a.amount]));
    expect(allocated).toMatchObject({ data: 2050, web: 0 });
    expect(json.rightsizing.map((r: { instanceId: string }) => r.instanceId)).toEqual(['i-data']);
    expect(json.commitments.savingsPlans.utilizationPct).toBe(100);
    // Every request names the accounts: Cost Explorer, not the job, leaves the others out.
    expect(ce.requests.length).toBeGreaterThan(4);
    for (const r of ce.requests) expect(JSON.stringify(r.body.Filter), r.operation).toContain('LINKED_ACCOUNT');
    const html = (await read(`r/${MONTH}/cost-report.html`)).toString('utf8');
    const csv = (await read(`r/${MONTH}/cost-report.csv`)).toString('utf8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await read(`r/${MONTH}/cost-report.xlsx`)) as never);
    const sheets = wb.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('\n');
    for (const text of [html, csv, sheets]) {
      expect(text).not.toContain(web!.id);
      expect(text).toContain(data!.id);
    }
  });

  it('with a list of accounts, reports those accounts only', async () => {
    const [data] = org.members;
    ce.setDataset(dataset(), review());

    const { code, json, stderr } = await report({ accounts: [data!.id] });

    expect(code, stderr).toBe(0);
    expect([json.total, json.previousTotal]).toEqual([2050, 1000]);
    expect(json.byAccount.map((a: { account: string }) => a.account)).toEqual([data!.id]);
    expect(json.rightsizing.map((r: { instanceId: string }) => r.instanceId)).toEqual(['i-data']);
  });
});
