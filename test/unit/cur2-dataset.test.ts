import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCur2Dataset, type Cur2Dataset } from '../../emulators/cur2/index.js';
import { splitInstance } from '../../emulators/cur2/split.js';
import { CUR2_COLUMNS, duckdbType } from '../../shared/containers/cur2-columns.js';

let ds: Cur2Dataset;

async function query(sql: string): Promise<Array<Record<string, unknown>>> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
const parquet = () => `read_parquet('${ds.exportDir}/data/*/*.parquet', hive_partitioning = true)`;

beforeAll(async () => {
  ds = await generateCur2Dataset({ root: mkdtempSync(join(tmpdir(), 'cw-cur2-test-')) });
}, 60_000);

describe('split cost allocation (AWS methodology)', () => {
  it('reproduces the user guide example: m5.xlarge at $1/h, CPU:memory 9:1', () => {
    const pods = [
      { cpuReserved: 1, cpuUsed: 0.5, memReserved: 4, memUsed: 2 },
      { cpuReserved: 1, cpuUsed: 1.5, memReserved: 2, memUsed: 2 },
    ];
    const [a, b] = splitInstance(1, 4, 16, pods);
    // unit = 1 / (9×4 + 16) ; CPU pool 36/52, memory pool 16/52.
    expect(a!.cpu.ratio).toBeCloseTo(0.25);
    expect(b!.cpu.ratio).toBeCloseTo(0.375); // allocated = max(reserved, used)
    expect(a!.cpu.splitCost).toBeCloseTo((0.25 * 36) / 52);
    // The unused CPU (37.5 %) goes to the pods in proportion to their ratio.
    expect(a!.cpu.unusedCost).toBeCloseTo((0.25 / 0.625) * 0.375 * (36 / 52));
    const total = [a!, b!].reduce((s, p) => s + p.cpu.splitCost + p.cpu.unusedCost + p.memory.splitCost + p.memory.unusedCost, 0);
    expect(total).toBeCloseTo(1, 10);
  });
});

describe('CUR 2.0 dataset generator', () => {
  it('lays the export out as Data Exports does, one billing period per folder', () => {
    expect(ds.files.map((f) => f.key)).toEqual([
      'data/BILLING_PERIOD=2026-10/cost-watch-cur2-00001.snappy.parquet',
      'data/BILLING_PERIOD=2026-11/cost-watch-cur2-00001.snappy.parquet',
    ]);
    for (const f of ds.files) expect(existsSync(f.path)).toBe(true);
    expect(ds.exportUrl).toBe(`file://${ds.exportDir}`);
  });

  it('writes exactly the shared CUR 2.0 columns with their types, and the partition from the folder', async () => {
    const described = await query(`DESCRIBE SELECT * FROM ${parquet()}`);
    const columns = described.map((c) => [c.column_name, c.column_type]);
    expect(columns.slice(0, -1)).toEqual(CUR2_COLUMNS.map((c) => [c.name, duckdbType(c.type)]));
    expect(columns.at(-1)?.[0]).toBe('BILLING_PERIOD');
  });

  it('carries EKS pods on EC2 and Fargate, ECS tasks, node and control-plane rows and other services', async () => {
    const ops = await query(
      `SELECT line_item_product_code p, line_item_operation o, count(*)::INT n FROM ${parquet()} GROUP BY ALL ORDER BY p, o`,
    );
    const byOp = Object.fromEntries(ops.map((r) => [`${String(r.p)}/${String(r.o)}`, r.n]));
    for (const k of [
      'AmazonEKS/EKSPod-EC2',
      'AmazonEKS/EKSPod-Fargate',
      'AmazonEKS/CreateOperation',
      'AmazonECS/ECSTask-EC2',
      'AmazonEC2/RunInstances',
      'AmazonS3/StandardStorage',
    ])
      expect(byOp[k], k).toBeGreaterThan(0);
    const tags = await query(
      `SELECT DISTINCT resource_tags['aws_eks_cluster_name'] c FROM ${parquet()} WHERE line_item_operation = 'EKSPod-EC2' ORDER BY c`,
    );
    expect(tags.map((t) => t.c)).toEqual(['prod-eks', 'staging-eks']);
  });

  it("splits every node's cost over its pods: split + unused per cluster equals its EC2 and Fargate bill", async () => {
    for (const [month, truth] of ds.truth) {
      const rows = await query(
        `SELECT resource_tags['aws_eks_cluster_name'] c, sum(split_line_item_split_cost + split_line_item_unused_cost) total
         FROM ${parquet()} WHERE BILLING_PERIOD = '${month}' AND line_item_operation LIKE 'EKSPod-%' GROUP BY 1`,
      );
      for (const r of rows) expect(Number(r.total), `${month} ${String(r.c)}`).toBeCloseTo(truth.clusterBill.get(String(r.c))!, 6);
      expect(rows).toHaveLength(2);
    }
  });

  it('grows search and adds experiments in the second month, with idle capacity left on the nodes', () => {
    const [oct, nov] = [ds.truth.get('2026-10')!, ds.truth.get('2026-11')!];
    const search = (t: typeof oct) => t.namespaces.get('prod-eks\tsearch')!.split;
    expect(search(nov) / search(oct)).toBeGreaterThan(1.9);
    expect(oct.namespaces.has('prod-eks\texperiments')).toBe(false);
    expect(nov.namespaces.get('prod-eks\texperiments')!.split).toBeGreaterThan(10);
    const unused = [...nov.namespaces.values()].filter((n) => n.cluster === 'staging-eks').reduce((s, n) => s + n.unused, 0);
    expect(unused / nov.clusterBill.get('staging-eks')!).toBeGreaterThan(0.5);
  });
});
