import { undelivered, unrecorded } from './dispatch.js';
import { STALE_CLAIM_SECONDS } from './limits.js';
import type { Delivery } from '../alerts/alert.js';

export interface DeliveryVerdict {
  /** 0 all delivered; 3 something a re-run can still deliver; 1 delivered but not recorded (a re-run cannot help). */
  readonly exitCode: 0 | 1 | 3;
  readonly message?: string;
}

const count = (n: number) => `${n} ${n === 1 ? 'delivery' : 'deliveries'}`;

/** What a run's deliveries mean for its exit code (CLI) or its failure (Lambda). */
export function deliveryVerdict(deliveries: readonly Delivery[]): DeliveryVerdict {
  const missing = undelivered(deliveries);
  const loose = unrecorded(deliveries);
  const looseNote = loose.length
    ? `; ${count(loose.length)} sent but not recorded in the ledger (a run after the claim goes stale may send it again)`
    : '';
  if (missing.length) {
    const failed = missing.filter((d) => d.status === 'failed').length;
    const busy = missing.length - failed;
    const parts = [failed ? `${count(failed)} failed` : '', busy ? `${count(busy)} held by another run (in-progress)` : ''].filter(Boolean);
    return {
      exitCode: 3,
      message:
        `at least one delivery failed or is unconfirmed: ${parts.join(', ')}; run the same command again to deliver what is ` +
        `missing${looseNote}`,
    };
  }
  if (loose.length)
    return {
      exitCode: 1,
      message:
        `every alert was delivered, but ${count(loose.length)} could not be recorded in the ledger: ${loose[0]!.error ?? ''}; a ` +
        `run after the claim goes stale (${STALE_CLAIM_SECONDS / 60} minutes) may send it again`,
    };
  return { exitCode: 0 };
}
