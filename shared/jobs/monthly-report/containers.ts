import { resolveContainers, type ResolvedContainers } from '../../config/containers.js';
import { athenaEngine } from '../../containers/athena-engine.js';
import { containerCosts } from '../../containers/costs.js';
import { duckdbEngine } from '../../containers/duckdb-engine.js';
import { ContainersGapError, type ContainersEngine } from '../../containers/engine.js';
import type { ContainersReport } from '../../containers/types.js';
import type { ReviewGap } from '../../review/types.js';
import { addMonths, type IsoDate, type IsoMonth } from '../../time/dates.js';
import type { JobContext } from '../common/context.js';

/**
 * Kubernetes cost of the month from the CUR 2.0 export (`containers` in
 * config): one query, on Athena or DuckDB. Whatever goes wrong with the
 * export (files missing, access denied, a failed query) becomes a gap the
 * report names; the rest of the report is written as usual.
 */

export interface ContainersPart {
  /** null without `containers` in config. */
  readonly report: ContainersReport | null;
  readonly gap?: ReviewGap;
}

function engineFor(ctx: JobContext, c: ResolvedContainers): ContainersEngine {
  if (c.engine === 'athena') return athenaEngine(ctx.aws.athena(), c.athena);
  const source = c.export.kind === 'file' ? c.export : { ...c.export, s3: ctx.aws.s3() };
  return duckdbEngine(source, c.athena.table);
}

/** `includes`: the accounts the report covers (an organization's choice); the rest of the export is left out. */
export async function readContainers(
  ctx: JobContext,
  window: { month: IsoMonth; through: IsoDate; previousThrough: IsoDate },
  includes: (account: string) => boolean,
): Promise<ContainersPart> {
  const { month, through, previousThrough } = window;
  if (!ctx.config.containers) return { report: null };
  const c = resolveContainers(ctx.config.containers);
  const engine = engineFor(ctx, c);
  const previousMonth = addMonths(month, -1);
  const empty = (source: string): ContainersReport => ({ clusters: [], namespaces: [], engine: engine.name, source, scannedBytes: null });
  ctx.log.progress(`monthly-report: reading Kubernetes cost with ${engine.name}`);
  try {
    const run = await engine.run({ table: c.athena.table, month, previousMonth, through, previousThrough });
    const rows = run.rows.filter((r) => includes(r.account));
    const costs = containerCosts(rows, month, previousMonth, ctx.config.dailySpend);
    const report: ContainersReport = { ...costs, engine: engine.name, source: run.source, scannedBytes: run.scannedBytes };
    if (rows.some((r) => r.billingPeriod === month)) return { report };
    const message =
      `no EKS split cost lines for ${month} in ${run.source}: turn on split cost allocation data for Amazon EKS ` +
      '(Billing and Cost Management, Cost Management preferences) and include it in the CUR 2.0 export';
    return { report, gap: warn(ctx, { part: 'containers', operation: 'query', message }) };
  } catch (err) {
    if (!(err instanceof ContainersGapError)) throw err;
    const where = c.export.kind === 'file' ? c.export.url : `s3://${c.export.bucket}/${c.export.prefix}`;
    return { report: empty(c.engine === 'athena' ? `athena:${c.athena.database}.${c.athena.table}` : where), gap: warn(ctx, gapOf(err)) };
  }
}

const gapOf = (err: ContainersGapError): ReviewGap => ({ part: 'containers', operation: err.operation, message: err.message });

function warn(ctx: JobContext, gap: ReviewGap): ReviewGap {
  ctx.log.warn(`monthly-report: containers: ${gap.message}`);
  return gap;
}
