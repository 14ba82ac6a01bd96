import type { CostRecord } from '../cost-explorer-model.js';
import { addDays } from '../../shared/time/dates.js';
import { dailySpendScenario } from './daily-spend.js';

export interface OrgScenarioMember {
  readonly id: string;
  /** This account has the daily-spend scenario's spikes on `spikeDay` (EC2 +60 %, S3 +25 %). */
  readonly spiky?: boolean;
  /** Its spend relative to the scenario's account (~$1,240 a day). @default 1 */
  readonly scale?: number;
}

/**
 * An organization's billing data: the daily-spend scenario per member
 * account, scaled, with the spikes only in the accounts marked `spiky`.
 */
export function orgSpendScenario(spikeDay: string, members: readonly OrgScenarioMember[], historyDays = 35): CostRecord[] {
  return members.flatMap((m) => {
    // A quiet account: the same data with its spike day after the window.
    const rows = m.spiky
      ? dailySpendScenario({ spikeDay, historyDays })
      : dailySpendScenario({ spikeDay: addDays(spikeDay, 1), historyDays: historyDays + 1 });
    const scale = m.scale ?? 1;
    return rows
      .filter((r) => r.date <= spikeDay)
      .map((r) => ({ ...r, amount: Math.round(r.amount * scale * 10000) / 10000, linkedAccount: m.id }));
  });
}
