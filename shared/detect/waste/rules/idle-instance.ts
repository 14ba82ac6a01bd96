import { countOf, formatPercent } from '../../../format.js';
import type * as z from 'zod/mini';
import { instanceMonthlyCost } from '../../../pricing/index.js';
import { nameOf } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { RuleFinding, WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['idle-instance'];

/** Two decimals: 4.996% must not print as 5.0 next to a 5% threshold. */
const pct = (n: number) => Math.round(n * 100) / 100;
const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/**
 * Part 1's idle instance: running, average CPUUtilization over the window
 * below `idle.cpuThresholdPct`. No datapoints means not idle (counted as noData).
 */
export const idleInstance: WasteRule<z.output<typeof options>> = {
  name: 'idle-instance',
  title: 'idle instances',
  action: 'Stop or downsize the instance',
  alerting: { kind: 'instance', muteScope: 'instance', idPrefix: 'i-' },
  legacy: { list: 'idleInstances', reportKind: 'idle instance', noData: true },
  needs: ['instances'],
  options,
  queries: (l) =>
    l.instances
      .filter((i) => i.state === 'running')
      .map((i) => ({ key: i.id, namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: i.id }, stat: 'Average' })),
  evaluate(l, metrics, ctx) {
    const findings: RuleFinding[] = [];
    let noData = 0;
    for (const i of l.instances) {
      if (i.state !== 'running') continue;
      const values = metrics(i.id);
      if (!values.length) {
        noData++;
        continue;
      }
      // More than one value only when CloudWatch split the window: weight them equally.
      const avg = mean(values);
      if (avg >= ctx.idle.cpuThresholdPct) continue;
      const cost = instanceMonthlyCost(ctx.region, i.instanceType);
      findings.push({
        id: i.id,
        resourceType: 'ec2-instance',
        ...nameOf(i.tags),
        detail: `${i.instanceType}, avg CPU ${formatPercent(avg)} over ${countOf(ctx.idle.lookbackDays, 'day')}`,
        estimatedMonthlyCost: cost,
        priceType: i.instanceType,
        facts: { instanceType: i.instanceType, avgCpuPct: pct(avg), ...(i.launchTime ? { launchTime: i.launchTime } : {}) },
      });
    }
    return { findings, noData };
  },
};
