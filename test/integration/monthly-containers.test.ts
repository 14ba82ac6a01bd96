import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAthenaDouble, type AthenaDouble } from '../../emulators/athena.js';
import { defaultScenario, generateCur2Dataset, type Cur2Dataset } from '../../emulators/cur2/index.js';
import { monthlyReportDataset } from '../../scripts/demo/monthly-report.js';
import { runCli } from '../support/cli.js';
import { startWorld, type World } from '../support/world.js';

/* monthly-report with `containers`: the CUR 2.0 export read by DuckDB (local) or Athena, in every file, and its gaps. */

const MONTH = '2026-11';
const ODD = 'prod<b>&"x"';
let world: World;
let ds: Cur2Dataset;
let odd: Cur2Dataset;
let athena: AthenaDouble;
let n = 0;

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-containers-', costExplorer: true, buckets: ['containers-reports'] });
  world.ce.setDataset(monthlyReportDataset(MONTH));
  ds = await generateCur2Dataset({ root: join(world.dir, 'cur') });
  odd = await generateCur2Dataset({ root: join(world.dir, 'odd'), scenario: defaultScenario({ prod: ODD }) });
  athena = await startAthenaDouble();
  athena.setWorkgroup('cost-watch');
  athena.setTable({ database: 'cost_watch', table: 'cur2', dir: ds.exportDir });
}, 120_000);
afterAll(async () => {
  await Promise.all([athena?.stop(), world?.stop()]);
});

async function report(containers: unknown, extraEnv: Record<string, string> = {}) {
  const file = join(world.dir, `config-${++n}.json`);
  writeFileSync(file, JSON.stringify({ report: { bucket: 'containers-reports', prefix: `r${n}/` }, containers }));
  const out = await runCli(['run', 'monthly-report', '--config', file, '--json', '--month', MONTH], {
    env: { ...world.env, AWS_ENDPOINT_URL_ATHENA: athena.url, ...extraEnv },
    timeoutMs: 90_000,
  });
  const read = async (name: string) => {
    const o = await world.s3.send(new GetObjectCommand({ Bucket: 'containers-reports', Key: `r${n}/${MONTH}/${name}` }));
    return Buffer.from((await o.Body?.transformToByteArray()) ?? []);
  };
  return { ...out, json: out.stdout ? JSON.parse(out.stdout) : undefined, read };
}

describe('monthly-report containers', () => {
  it('reports clusters and namespaces from a local export with DuckDB, in the JSON, HTML, xlsx and CSV', async () => {
    const { code, json, read, stderr } = await report({ export: { path: ds.exportUrl } });
    expect(code, stderr).toBe(0);
    const prod = ds.truth.get(MONTH)!;
    const c = json.containers;
    expect(c.engine).toBe('duckdb');
    expect(c.clusters.map((k: { cluster: string }) => k.cluster)).toEqual(['prod-eks', 'staging-eks']);
    expect(c.clusters[0].amount).toBeCloseTo(prod.clusterBill.get('prod-eks')!, 1);
    expect(c.clusters[1].unallocatedPct).toBeGreaterThan(50);
    const search = c.namespaces.find((x: { namespace: string }) => x.namespace === 'search');
    expect(search).toMatchObject({ cluster: 'prod-eks', severity: 'critical' });
    expect(search.amount).toBeCloseTo(prod.namespaces.get('prod-eks\tsearch')!.split, 1);
    expect(search.changePct).toBeGreaterThan(90);
    expect(c.namespaces.find((x: { namespace: string }) => x.namespace === 'experiments')).toMatchObject({ previous: 0, changePct: null });
    expect(json.reviewGaps).toEqual([]);

    const html = (await read('cost-report.html')).toString();
    expect(html).toContain('<h2>Kubernetes cost</h2>');
    expect(html).toMatch(/Rising past the spike thresholds:.*prod-eks \/ search/);
    expect(html).toContain('aria-label="Top namespaces, November 2026 vs October 2026"');
    const csv = (await read('cost-report.csv')).toString();
    expect(csv.split('\r\n')[0]).toBe('month,service,amount,previous,change,change_pct,currency,section,cluster,namespace');
    expect(csv).toMatch(new RegExp(`\\r\\n2026-11,,${search.amount.toFixed(2)},[^\\r]*,eks-namespace,prod-eks,search\\r\\n`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await read('cost-report.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Containers')!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.find((r) => r[1] === 'namespace' && r[3] === 'search')?.[4]).toBeCloseTo(search.amount, 2);
  });

  it('runs the same query on Athena in the workgroup and reports the bytes it scanned', async () => {
    const { code, json, stderr } = await report({ export: { bucket: 'my-cur', prefix: 'cur2/' } });
    expect(code, stderr).toBe(0);
    expect(json.containers.engine).toBe('athena');
    expect(json.containers.source).toBe('athena:cost_watch.cur2 (workgroup cost-watch)');
    expect(json.containers.scannedBytes).toBe(ds.files.reduce((s, f) => s + f.bytes, 0));
    const local = await report({ export: { path: ds.exportUrl } });
    expect(json.containers.namespaces).toEqual(local.json.containers.namespaces);
  });

  it('keeps the rest of the report when Athena denies the query: a gap naming the permission, exit 0', async () => {
    athena.failNext('AccessDeniedException', 1, 'StartQueryExecution');
    const { code, json, read } = await report({ export: { bucket: 'my-cur' } });
    expect(code).toBe(0);
    expect(json.total).toBeGreaterThan(0);
    expect(json.containers).toMatchObject({ clusters: [], namespaces: [] });
    expect(json.reviewGaps).toEqual([
      expect.objectContaining({
        part: 'containers',
        operation: 'athena:StartQueryExecution',
        message: expect.stringMatching(/denied.*athena:StartQueryExecution/),
      }),
    ]);
    expect((await read('cost-report.html')).toString()).toMatch(/<p class="note gap">denied: the report needs athena:StartQueryExecution/);
  });

  it('names the missing folder when the export has no files for the month, exit 0', async () => {
    const { code, json } = await report({ export: { path: `${ds.exportUrl}-missing` } });
    expect(code).toBe(0);
    expect(json.reviewGaps[0]).toMatchObject({ part: 'containers' });
    expect(json.reviewGaps[0].message).toContain(`${ds.exportDir}-missing/data/BILLING_PERIOD=2026-11/*.parquet`);
  });

  it('escapes cluster names from the bill in the HTML, CSV and xlsx', async () => {
    const { code, json, read } = await report({ export: { path: odd.exportUrl } });
    expect(code).toBe(0);
    expect(json.containers.clusters[0].cluster).toBe(ODD);
    const html = (await read('cost-report.html')).toString();
    expect(html).not.toContain('<b>&');
    expect(html).toContain('prod&lt;b&gt;&amp;&quot;x&quot;');
    expect((await read('cost-report.csv')).toString()).toContain(',eks-cluster,"prod<b>&""x""",');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await read('cost-report.xlsx')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Containers')!.getCell('B2').value).toBe(ODD);
  });

  it('leaves containers null and the CSV as before without the key', async () => {
    const { code, json, read } = await report(undefined);
    expect(code).toBe(0);
    expect(json.containers).toBeNull();
    expect((await read('cost-report.csv')).toString().split('\r\n')[0]).toBe('month,service,amount,previous,change,change_pct,currency');
  });
});
