import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCostExplorerDouble, type CostExplorerDouble, type CostRecord } from '../../emulators/cost-explorer.js';
import { addDays, addMonths, daysInMonth, firstDayOfMonth, monthOf } from '../../shared/time/dates.js';
import { runCli } from '../support/cli.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const EC2 = 'Amazon Elastic Compute Cloud - Compute';
const BUCKET = `partial-reports-${Date.now()}`;
const today = new Date().toISOString().slice(0, 10);
const month = monthOf(today);
const before = addMonths(month, -1);
/** Days of this month so far, and the same days of the month before (a shorter month has fewer). */
const days = Number(today.slice(8));
const sameDays = Math.min(days, daysInMonth(before));

let aws: TestAws;
let ce: CostExplorerDouble;
let s3: S3Client;
let dir: string;

/** The month before costs $100 a day on its first days and $1,000 a day after them; this month $110 a day. */
function dataset(): CostRecord[] {
  const rows: CostRecord[] = [];
  for (let d = 0; d < daysInMonth(before); d++)
    rows.push({ date: addDays(firstDayOfMonth(before), d), service: EC2, amount: d < days ? 100 : 1000 });
  for (let d = 0; d < days; d++) rows.push({ date: addDays(firstDayOfMonth(month), d), service: EC2, amount: 110 });
  return rows;
}

beforeAll(async () => {
  aws = await awsEnvFor();
  ce = await startCostExplorerDouble();
  s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  ce.setDataset(dataset());
  dir = mkdtempSync(join(tmpdir(), 'cw-partial-'));
}, 60_000);

afterAll(async () => {
  await ce?.stop();
});

describe('monthly-report of the running month', () => {
  it('compares the days so far with the same days of the month before, and says so', async () => {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ report: { bucket: BUCKET, prefix: 'p/' } }));

    const r = await runCli(['run', 'monthly-report', '--config', file, '--json', '--month', month, '--allow-partial'], {
      env: { ...aws.env, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url },
      timeoutMs: 90_000,
    });

    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.comparedWith).toEqual({ from: firstDayOfMonth(before), to: addDays(firstDayOfMonth(before), sameDays - 1) });
    expect([json.total, json.previousTotal]).toEqual([110 * days, 100 * sameDays]);
    expect(json.byService[0]).toMatchObject({ key: EC2, previous: 100 * sameDays });
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `p/${month}/cost-report.html` }));
    const html = await out.Body!.transformToString();
    expect(html).toContain(`Compared with the same days of the month before, ${json.comparedWith.from} to ${json.comparedWith.to}.`);
  });
});
