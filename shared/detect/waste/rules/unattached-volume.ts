import type * as z from 'zod/mini';
import { volumeMonthlyCost } from '../../../pricing/index.js';
import { nameOf } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['unattached-volume'];

/** Part 1's unattached volume: an EBS volume in state `available`, priced as GiB × its type's GB-month price (+ IOPS/throughput). */
export const unattachedVolume: WasteRule<z.output<typeof options>> = {
  name: 'unattached-volume',
  title: 'unattached volumes',
  action: 'Snapshot the volume if needed, then delete it',
  alerting: { kind: 'volume', muteScope: 'volume', idPrefix: 'vol-' },
  legacy: { list: 'unattachedVolumes', reportKind: 'unattached volume' },
  needs: ['volumes'],
  options,
  evaluate: (l, _metrics, ctx) => ({
    findings: l.volumes
      .filter((v) => v.state === 'available')
      .map((v) => ({
        id: v.id,
        resourceType: 'ebs-volume',
        ...nameOf(v.tags),
        detail: `${v.volumeType} ${v.sizeGiB} GiB, attached to nothing`,
        estimatedMonthlyCost: volumeMonthlyCost(ctx.region, v),
        priceType: v.volumeType,
        facts: {
          sizeGiB: v.sizeGiB,
          volumeType: v.volumeType,
          ...(v.iops !== undefined ? { iops: v.iops } : {}),
          ...(v.createTime ? { createTime: v.createTime } : {}),
        },
      })),
  }),
};
