import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCur2Dataset, type Cur2Dataset } from '../../emulators/cur2/index.js';
import { monthRows } from '../../emulators/cur2/lines.js';
import { defaultScenario } from '../../emulators/cur2/scenario.js';
import { writeParquet } from '../../emulators/cur2/write.js';
import { containerCosts } from '../../shared/containers/costs.js';
import { duckdbEngine } from '../../shared/containers/duckdb-engine.js';
import { ContainersGapError } from '../../shared/containers/engine.js';
import { namespaceCostSql, type NamespaceQuery } from '../../shared/containers/sql.js';

const NOV: NamespaceQuery = {
  table: 'cur2',
  month: '2026-11',
  previousMonth: '2026-10',
  through: '2026-11-30',
  previousThrough: '2026-10-31',
};
const RULES = { warningPct: 20, criticalPct: 50, minDelta: 10 };
let ds: Cur2Dataset;

beforeAll(async () => {
  // Three months: the query must read only the two it reports on.
  ds = await generateCur2Dataset({ root: mkdtempSync(join(tmpdir(), 'cw-cur2-q-')), months: ['2026-09', '2026-10', '2026-11'] });
}, 60_000);

const engine = () => duckdbEngine({ kind: 'file', dir: ds.exportDir }, 'cur2');

describe('containers query (one SQL for Athena and DuckDB)', () => {
  it("gives each EKS namespace its pods' split cost and each cluster split + unused, as generated", async () => {
    const run = await engine().run(NOV);
    for (const month of ['2026-10', '2026-11']) {
      const truth = ds.truth.get(month)!;
      const rows = run.rows.filter((r) => r.billingPeriod === month);
      expect(rows).toHaveLength(truth.namespaces.size);
      for (const r of rows) {
        const t = truth.namespaces.get(`${r.cluster}\t${r.namespace}`)!;
        expect(r.splitCost, `${month} ${r.cluster}/${r.namespace}`).toBeCloseTo(t.split, 6);
        expect(r.unusedCost).toBeCloseTo(t.unused, 6);
      }
    }
  });

  it('leaves out ECS split lines, the nodes’ own EC2 lines, the EKS control plane and other services', async () => {
    const { rows } = await engine().run(NOV);
    expect(new Set(rows.map((r) => r.cluster))).toEqual(new Set(['prod-eks', 'staging-eks']));
    const costs = containerCosts(rows, '2026-11', '2026-10', RULES);
    // A cluster costs what its EC2 nodes (and Fargate pods) cost: no control plane fee, nothing counted twice.
    for (const c of costs.clusters) expect(c.amount).toBeCloseTo(ds.truth.get('2026-11')!.clusterBill.get(c.cluster)!, 1);
  });

  it('prunes partitions: reads the two months, not the third, in SQL and in bytes', async () => {
    expect(namespaceCostSql(NOV)).toMatch(/billing_period IN \('2026-10', '2026-11'\)/);
    const run = await engine().run(NOV);
    const twoMonths = ds.files.filter((f) => f.month !== '2026-09').reduce((s, f) => s + f.bytes, 0);
    expect(run.scannedBytes).toBe(twoMonths);
    expect(run.rows.some((r) => r.billingPeriod === '2026-09')).toBe(false);
  });

  it('counts a running month through its last day, against the same days of the month before', async () => {
    const half = await engine().run({ ...NOV, through: '2026-11-15', previousThrough: '2026-10-15' });
    const costs = containerCosts(half.rows, '2026-11', '2026-10', RULES);
    const staging = costs.clusters.find((c) => c.cluster === 'staging-eks')!;
    expect(staging.amount).toBeCloseTo(ds.truth.get('2026-11')!.clusterBill.get('staging-eks')! / 2, 1);
    expect(staging.previous).toBeCloseTo((ds.truth.get('2026-10')!.clusterBill.get('staging-eks')! * 15) / 31, 1);
  });

  it('names cluster and namespace from the pod ARN when the EKS tags are not activated', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cw-cur2-untagged-'));
    const rows = monthRows(defaultScenario(), '2026-11', 0, 'daily').rows.map((r) => ({ ...r, resource_tags: {} }));
    await writeParquet(rows, join(root, 'x', 'data', 'BILLING_PERIOD=2026-11', 'x-00001.snappy.parquet'));
    const run = await duckdbEngine({ kind: 'file', dir: join(root, 'x') }, 'cur2').run(NOV);
    expect(run.rows.map((r) => `${r.cluster}/${r.namespace}`)).toContain('prod-eks/checkout');
    expect(run.rows.some((r) => r.cluster === '(unknown)')).toBe(false);
  });

  it('is a gap naming the folder when the month has no export files', async () => {
    const err = await engine()
      .run({ ...NOV, month: '2026-12', previousMonth: '2026-11', through: '2026-12-31', previousThrough: '2026-11-30' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContainersGapError);
    expect((err as Error).message).toContain(`${ds.exportDir}/data/BILLING_PERIOD=2026-12/`);
  });

  it('refuses a table name that is not a Glue identifier', () => {
    expect(() => namespaceCostSql({ ...NOV, table: 'cur2" --' })).toThrow(/not a Glue table name/);
  });
});

describe('container costs', () => {
  const row = (billingPeriod: string, cluster: string, namespace: string, splitCost: number, unusedCost: number) => ({
    billingPeriod,
    account: '123456789012',
    cluster,
    namespace,
    splitCost,
    unusedCost,
  });

  it('calls out a namespace rising past the spike thresholds, and a new one', () => {
    const { namespaces, clusters } = containerCosts(
      [
        row('2026-10', 'c', 'steady', 100, 10),
        row('2026-11', 'c', 'steady', 105, 5),
        row('2026-10', 'c', 'grew', 100, 0),
        row('2026-11', 'c', 'grew', 160, 0),
        row('2026-11', 'c', 'new', 40, 0),
        row('2026-10', 'c', 'tiny', 1, 0),
        row('2026-11', 'c', 'tiny', 5, 0),
      ],
      '2026-11',
      '2026-10',
      RULES,
    );
    const by = Object.fromEntries(namespaces.map((n) => [n.namespace, n]));
    expect(by.grew).toMatchObject({ amount: 160, previous: 100, changePct: 60, severity: 'critical' });
    expect(by.new).toMatchObject({ previous: 0, changePct: null, severity: 'critical' });
    expect(by.steady?.severity).toBe('none');
    expect(by.tiny).toMatchObject({ changePct: 400, severity: 'none' }); // below minDelta
    expect(namespaces.map((n) => n.namespace)).toEqual(['grew', 'steady', 'new', 'tiny']);
    expect(clusters).toEqual([{ cluster: 'c', amount: 315, unallocatedPct: 1.6, unused: 5, previous: 211 }]);
  });
});
