import type { CostWatchConfig } from '../shared/config/schema.js';
import { UsageError } from '../shared/errors.js';

/** Mutes and Slack clicks live in the ledger table: commands that need them refuse a config without one. */
export function ledgerTableOf(config: CostWatchConfig): string {
  if (!config.ledgerTable)
    throw new UsageError('ledgerTable: expected in config: mutes live in the ledger table (see README, "Slack actions")');
  return config.ledgerTable;
}
