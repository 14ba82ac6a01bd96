import type * as z from 'zod/mini';
import { gp2ToGp3MonthlySaving } from '../../../pricing/index.js';
import { nameOf } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['gp2-volume'];

/**
 * An in-use gp2 volume: gp3 gives the same size 20% cheaper with at least the
 * baseline performance, changed online. Priced as the saving, not the volume.
 * A volume already priced inside a stopped-instance finding is dropped by the
 * scanner (each dollar counted once).
 */
export const gp2Volume: WasteRule<z.output<typeof options>> = {
  name: 'gp2-volume',
  title: 'gp2 volumes to move to gp3',
  action: 'Change the volume type to gp3',
  alerting: { kind: 'gp2-volume', muteScope: 'volume', idPrefix: 'vol-' },
  needs: ['volumes'],
  options,
  evaluate: (l, _metrics, ctx) => ({
    findings: l.volumes
      .filter((v) => v.volumeType === 'gp2' && v.state === 'in-use')
      .map((v) => ({
        id: v.id,
        resourceType: 'ebs-volume',
        ...nameOf(v.tags),
        detail: `gp2 ${v.sizeGiB} GiB in use${v.attachedTo.length ? ` by ${v.attachedTo.join(', ')}` : ''}; gp3 is 20% cheaper`,
        estimatedMonthlyCost: gp2ToGp3MonthlySaving(ctx.region, v.sizeGiB),
        priceType: 'gp2',
        facts: { sizeGiB: v.sizeGiB, volumeType: 'gp2', attachedTo: v.attachedTo.join(',') },
      })),
  }),
};
