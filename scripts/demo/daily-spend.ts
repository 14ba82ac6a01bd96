import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { yesterday } from '../../shared/time/dates.js';

/** Loads a month of spend with yesterday's EC2 and S3 jumps into the Cost Explorer double. */
export function seedDailySpend(ce: CostExplorerDouble, now = new Date()): void {
  const day = yesterday(now);
  ce.setDataset(dailySpendScenario({ spikeDay: day }), { estimatedFrom: day });
}
