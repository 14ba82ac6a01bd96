import { countOf } from '../../../format.js';
import type * as z from 'zod/mini';
import { volumeMonthlyCost } from '../../../pricing/index.js';
import { ageDays, nameOf, olderThan } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { RuleFinding, WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['stopped-instance'];

/**
 * An instance stopped for more than `minDays` (from its state transition
 * time) that still pays for its EBS volumes; priced as those volumes. Its
 * volumes are `covers`, so no other rule prices them again.
 */
export const stoppedInstance: WasteRule<z.output<typeof options>> = {
  name: 'stopped-instance',
  title: 'long-stopped instances',
  action: 'Terminate the instance, keeping a snapshot if needed',
  alerting: { kind: 'stopped-instance', muteScope: 'instance', idPrefix: 'i-' },
  needs: ['instances', 'volumes'],
  options,
  evaluate(l, _metrics, ctx) {
    const volumes = new Map(l.volumes.map((v) => [v.id, v]));
    const findings: RuleFinding[] = [];
    for (const i of l.instances) {
      if (i.state !== 'stopped' || !olderThan(i.stoppedAt, ctx.options.minDays, ctx.now)) continue;
      const attached = i.volumeIds.map((id) => volumes.get(id)).filter((v) => v !== undefined);
      if (!attached.length) continue; // instance store only: nothing billed while stopped
      const costs = attached.map((v) => volumeMonthlyCost(ctx.region, v));
      const unknown = attached.find((_, k) => costs[k] === null);
      const gib = attached.reduce((s, v) => s + v.sizeGiB, 0);
      const age = ageDays(i.stoppedAt, ctx.now);
      findings.push({
        id: i.id,
        resourceType: 'ec2-instance',
        ...nameOf(i.tags),
        detail:
          `${i.instanceType} stopped${age === undefined ? '' : ` ${countOf(Math.floor(age), 'day')}`},` +
          ` ${countOf(attached.length, 'volume')} (${gib} GiB)`,
        estimatedMonthlyCost: unknown ? null : Math.round(costs.reduce((s: number, c) => s + c!, 0) * 100) / 100,
        ...(unknown ? { priceType: unknown.volumeType } : {}),
        facts: {
          instanceType: i.instanceType,
          volumeGiB: gib,
          volumeIds: attached.map((v) => v.id).join(','),
          ...(i.stoppedAt ? { stoppedAt: i.stoppedAt } : {}),
        },
        covers: attached.map((v) => v.id),
      });
    }
    return { findings };
  },
};
