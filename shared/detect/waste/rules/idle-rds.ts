import type * as z from 'zod/mini';
import { rdsMonthlyCost } from '../../../pricing/index.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { RuleFinding, WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['idle-rds'];

/**
 * An available RDS instance whose DatabaseConnections maximum over the window
 * is 0. RDS publishes the metric every minute, zeros included, so no
 * datapoints means "unknown" (noData), not idle.
 */
export const idleRds: WasteRule<z.output<typeof options>> = {
  name: 'idle-rds',
  title: 'idle databases',
  action: 'Snapshot the database, then stop or delete it',
  alerting: { kind: 'idle-rds', muteScope: 'idle-rds' },
  needs: ['dbInstances'],
  options,
  queries: (l) =>
    l.dbInstances
      .filter((d) => d.status === 'available')
      .map((d) => ({
        key: d.id,
        namespace: 'AWS/RDS',
        metricName: 'DatabaseConnections',
        dimensions: { DBInstanceIdentifier: d.id },
        stat: 'Maximum',
      })),
  evaluate(l, metrics, ctx) {
    const findings: RuleFinding[] = [];
    let noData = 0;
    for (const d of l.dbInstances) {
      if (d.status !== 'available') continue;
      const values = metrics(d.id);
      if (!values.length) noData++;
      if (!values.length || Math.max(...values) > 0) continue;
      findings.push({
        id: d.id,
        resourceType: 'rds-instance',
        detail: `${d.engine} ${d.instanceClass}${d.multiAz ? ' Multi-AZ' : ''}, no connections over ${ctx.idle.lookbackDays} days`,
        estimatedMonthlyCost: rdsMonthlyCost(ctx.region, d.engine, d.instanceClass, d.multiAz),
        priceType: `${d.engine} ${d.instanceClass}`,
        facts: {
          engine: d.engine,
          instanceClass: d.instanceClass,
          multiAz: d.multiAz,
          ...(d.createTime ? { createTime: d.createTime } : {}),
        },
      });
    }
    return { findings, noData };
  },
};
