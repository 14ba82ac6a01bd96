import { countOf } from '../../../format.js';
import type * as z from 'zod/mini';
import { snapshotMonthlyCost } from '../../../pricing/index.js';
import { ageDays, nameOf, olderThan } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['orphaned-snapshot'];

/**
 * A snapshot the account owns, older than `minAgeDays`, whose source volume no
 * longer exists and that no AMI of the account uses: nothing restores from it.
 * Existence is checked against every volume and image, exempt ones included.
 */
export const orphanedSnapshot: WasteRule<z.output<typeof options>> = {
  name: 'orphaned-snapshot',
  title: 'orphaned snapshots',
  action: 'Delete the snapshot',
  alerting: { kind: 'orphaned-snapshot', muteScope: 'orphaned-snapshot' },
  needs: ['snapshots', 'volumes', 'images'],
  options,
  evaluate(l, _metrics, ctx) {
    const volumes = new Set(ctx.unfiltered.volumes.map((v) => v.id));
    const used = new Set(ctx.unfiltered.images.flatMap((i) => i.snapshotIds));
    const findings = l.snapshots
      .filter((s) => s.state === 'completed' && !used.has(s.id) && !(s.volumeId && volumes.has(s.volumeId)))
      .filter((s) => olderThan(s.startTime, ctx.options.minAgeDays, ctx.now))
      .map((s) => {
        const age = ageDays(s.startTime, ctx.now);
        return {
          id: s.id,
          resourceType: 'ebs-snapshot',
          ...nameOf(s.tags),
          detail:
            `${s.sizeGiB} GiB${age === undefined ? '' : `, ${countOf(Math.floor(age), 'day')} old`}, source ` +
            `volume ${s.volumeId ?? 'unknown'} gone, used by no AMI`,
          estimatedMonthlyCost: snapshotMonthlyCost(ctx.region, s.sizeGiB),
          priceType: 'snapshot',
          facts: {
            sizeGiB: s.sizeGiB,
            ...(s.volumeId ? { volumeId: s.volumeId } : {}),
            ...(s.startTime ? { startTime: s.startTime } : {}),
          },
        };
      });
    return { findings };
  },
};
