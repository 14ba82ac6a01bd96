import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAthenaDouble, type AthenaDouble } from '../../emulators/athena.js';
import { generateCur2Dataset, type Cur2Dataset } from '../../emulators/cur2/index.js';
import { athenaEngine } from '../../shared/containers/athena-engine.js';
import { duckdbEngine } from '../../shared/containers/duckdb-engine.js';
import { ContainersGapError } from '../../shared/containers/engine.js';
import type { NamespaceQuery } from '../../shared/containers/sql.js';
import { awsEnvFor, type TestAws } from '../support/env.js';

const NOV: NamespaceQuery = {
  table: 'cur2',
  month: '2026-11',
  previousMonth: '2026-10',
  through: '2026-11-30',
  previousThrough: '2026-10-31',
};
const ATHENA = { workgroup: 'cost-watch', database: 'cost_watch', table: 'cur2', scanLimitGiB: 10 };
const sorted = <T extends { cluster: string; namespace: string; billingPeriod: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.billingPeriod}${a.cluster}${a.namespace}`.localeCompare(`${b.billingPeriod}${b.cluster}${b.namespace}`));

let ds: Cur2Dataset;
let athena: AthenaDouble;
let aws: TestAws;
let s3: S3Client;
const delays: number[] = [];
const poll = { sleep: async (ms: number) => void delays.push(ms) };
const client = () =>
  new AthenaClient({ endpoint: athena.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

beforeAll(async () => {
  ds = await generateCur2Dataset({ root: mkdtempSync(join(tmpdir(), 'cw-cur2-eng-')), months: ['2026-09', '2026-10', '2026-11'] });
  athena = await startAthenaDouble({ pageSize: 7 });
  athena.setWorkgroup('cost-watch');
  athena.setTable({ database: 'cost_watch', table: 'cur2', dir: ds.exportDir });
  aws = await awsEnvFor();
  s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'cur-one' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'cur-two' }));
  for (const f of ds.files) {
    const body = readFileSync(f.path);
    await s3.send(new PutObjectCommand({ Bucket: 'cur-one', Key: `cur2/cost-watch-cur2/${f.key}`, Body: body }));
    for (const name of ['a', 'b']) await s3.send(new PutObjectCommand({ Bucket: 'cur-two', Key: `exports/${name}/${f.key}`, Body: body }));
  }
}, 120_000);
afterAll(async () => {
  await athena?.stop();
});

describe('Athena engine', () => {
  it('starts the query in the workgroup, polls with a growing pause, reads every page, and agrees with DuckDB', async () => {
    const before = athena.requests.length;
    delays.length = 0;
    const run = await athenaEngine(client(), ATHENA, poll).run(NOV);
    const calls = athena.requests.slice(before);
    const start = calls.find((c) => c.operation === 'StartQueryExecution')!;
    expect(start.body).toMatchObject({
      WorkGroup: 'cost-watch',
      QueryExecutionContext: { Database: 'cost_watch', Catalog: 'AwsDataCatalog' },
    });
    expect(String(start.body.QueryString)).toMatch(/billing_period IN \('2026-10', '2026-11'\)/);
    expect(calls.filter((c) => c.operation === 'GetQueryExecution')).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
    const pages = calls.filter((c) => c.operation === 'GetQueryResults');
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(1).every((p) => typeof p.body.NextToken === 'string')).toBe(true);
    const local = await duckdbEngine({ kind: 'file', dir: ds.exportDir }, 'cur2').run(NOV);
    expect(sorted(run.rows)).toEqual(
      sorted(local.rows).map((r) => ({ ...r, splitCost: expect.closeTo(r.splitCost, 9), unusedCost: expect.closeTo(r.unusedCost, 9) })),
    );
    expect(run.source).toBe('athena:cost_watch.cur2 (workgroup cost-watch)');
  });

  it('reports the bytes Athena scanned: the two months’ partitions, not the whole export', async () => {
    const run = await athenaEngine(client(), ATHENA, poll).run(NOV);
    const two = ds.files.filter((f) => f.month !== '2026-09').reduce((s, f) => s + f.bytes, 0);
    expect(run.scannedBytes).toBe(two);
    expect(two).toBeLessThan(ds.files.reduce((s, f) => s + f.bytes, 0));
  });

  it('is a gap naming the permissions when Athena denies the query', async () => {
    athena.failNext('AccessDeniedException', 1, 'StartQueryExecution');
    const err = (await athenaEngine(client(), ATHENA, poll)
      .run(NOV)
      .catch((e: unknown) => e)) as ContainersGapError;
    expect(err).toBeInstanceOf(ContainersGapError);
    expect(err.operation).toBe('athena:StartQueryExecution');
    expect(err.message).toMatch(
      /denied: the report needs athena:StartQueryExecution.*workgroup "cost-watch".*glue:GetTable on cost_watch\.cur2/,
    );
  });

  it('is a gap with Athena’s reason when the query fails or passes the scan limit', async () => {
    const missing = await athenaEngine(client(), { ...ATHENA, table: 'nope' }, poll)
      .run(NOV)
      .catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/TABLE_NOT_FOUND.*cost_watch\.nope/);
    athena.setWorkgroup('tiny', 1000);
    const capped = await athenaEngine(client(), { ...ATHENA, workgroup: 'tiny' }, poll)
      .run(NOV)
      .catch((e: unknown) => e);
    expect((capped as Error).message).toMatch(/more than the workgroup's limit \(containers\.athena\.scanLimitGiB\)/);
    const nowg = await athenaEngine(client(), { ...ATHENA, workgroup: 'gone' }, poll)
      .run(NOV)
      .catch((e: unknown) => e);
    expect((nowg as Error).message).toMatch(/workgroup "gone" was not found/);
  });
});

describe('DuckDB engine on S3', () => {
  it('fetches only the two months’ objects of the one export under the prefix and answers as from a local folder', async () => {
    const run = await duckdbEngine({ kind: 's3', bucket: 'cur-one', prefix: 'cur2/', s3 }, 'cur2').run(NOV);
    const local = await duckdbEngine({ kind: 'file', dir: ds.exportDir }, 'cur2').run(NOV);
    expect(sorted(run.rows)).toEqual(sorted(local.rows));
    expect(run.source).toBe('s3://cur-one/cur2/cost-watch-cur2/');
    expect(run.scannedBytes).toBe(local.scannedBytes);
  });

  it('asks for export.name when the prefix holds several exports, and names the S3 folder a month is missing from', async () => {
    const several = await duckdbEngine({ kind: 's3', bucket: 'cur-two', prefix: 'exports/', s3 }, 'cur2')
      .run(NOV)
      .catch((e: unknown) => e);
    expect((several as Error).message).toMatch(/2 export folders under s3:\/\/cur-two\/exports\/ \(a, b\): set containers\.export\.name/);
    const named = await duckdbEngine({ kind: 's3', bucket: 'cur-two', prefix: 'exports/', name: 'b', s3 }, 'cur2').run(NOV);
    expect(named.rows.length).toBeGreaterThan(0);
    const dec = { ...NOV, month: '2026-12', previousMonth: '2026-11', through: '2026-12-31', previousThrough: '2026-11-30' };
    const missing = await duckdbEngine({ kind: 's3', bucket: 'cur-one', prefix: 'cur2/', s3 }, 'cur2')
      .run(dec)
      .catch((e: unknown) => e);
    expect((missing as Error).message).toContain('nothing at s3://cur-one/cur2/cost-watch-cur2/data/BILLING_PERIOD=2026-12/*.parquet');
  });
});
