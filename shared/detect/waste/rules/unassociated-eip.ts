import type * as z from 'zod/mini';
import { publicIpv4MonthlyCost } from '../../../pricing/index.js';
import { nameOf } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['unassociated-eip'];

/** An Elastic IP associated with nothing: AWS bills every public IPv4 address by the hour. */
export const unassociatedEip: WasteRule<z.output<typeof options>> = {
  name: 'unassociated-eip',
  title: 'unassociated Elastic IPs',
  action: 'Release the address',
  alerting: { kind: 'unassociated-eip', muteScope: 'unassociated-eip' },
  needs: ['addresses'],
  options,
  evaluate: (l, _metrics, ctx) => ({
    findings: l.addresses
      .filter((a) => !a.associated)
      .map((a) => ({
        id: a.id,
        resourceType: 'elastic-ip',
        ...nameOf(a.tags),
        detail: `${a.publicIp ?? 'address'} associated with nothing`,
        estimatedMonthlyCost: publicIpv4MonthlyCost(ctx.region),
        priceType: 'public IPv4',
        facts: { ...(a.publicIp ? { publicIp: a.publicIp } : {}) },
      })),
  }),
};
