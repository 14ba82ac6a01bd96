import type * as z from 'zod/mini';
import { natGatewayMonthlyCost } from '../../../pricing/index.js';
import { createdBefore, GIB, nameOf, sum } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { RuleFinding, WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['idle-nat-gateway'];

/**
 * An available NAT gateway that sent less than `maxGiB` to destinations over
 * the window. AWS publishes nothing for zero traffic, so a gateway without any
 * datapoint counts as idle only if it existed before the window began.
 */
export const idleNatGateway: WasteRule<z.output<typeof options>> = {
  name: 'idle-nat-gateway',
  title: 'idle NAT gateways',
  action: 'Delete the NAT gateway',
  alerting: { kind: 'idle-nat-gateway', muteScope: 'idle-nat-gateway' },
  needs: ['natGateways'],
  options,
  queries: (l) =>
    l.natGateways
      .filter((n) => n.state === 'available')
      .map((n) => ({
        key: n.id,
        namespace: 'AWS/NATGateway',
        metricName: 'BytesOutToDestination',
        dimensions: { NatGatewayId: n.id },
        stat: 'Sum',
      })),
  evaluate(l, metrics, ctx) {
    const findings: RuleFinding[] = [];
    for (const n of l.natGateways) {
      if (n.state !== 'available') continue;
      const values = metrics(n.id);
      if (!values.length && !createdBefore(n.createTime, ctx.window.start)) continue;
      const gib = sum(values) / GIB;
      if (gib >= ctx.options.maxGiB) continue;
      findings.push({
        id: n.id,
        resourceType: 'nat-gateway',
        ...nameOf(n.tags),
        detail: `${gib < 0.01 ? gib.toPrecision(2) : gib.toFixed(2)} GiB out over ${ctx.idle.lookbackDays} days`,
        estimatedMonthlyCost: natGatewayMonthlyCost(ctx.region),
        priceType: 'NAT gateway',
        facts: { bytesOut: sum(values), noDatapoints: !values.length, ...(n.createTime ? { createTime: n.createTime } : {}) },
      });
    }
    return { findings };
  },
};
