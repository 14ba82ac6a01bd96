import { planAccounts } from '../aws/scopes.js';
import type { JobContext } from './context.js';

/**
 * Organizations: the accounts' names (ListAccounts) for the report's byAccount;
 * undefined in a single-account config, where the report stays as it was.
 * Every account in the billing data is reported; a name missing here shows the id.
 */
export async function reportAccountNames(ctx: JobContext): Promise<ReadonlyMap<string, string> | undefined> {
  if (!ctx.config.organization) return undefined;
  const plan = await planAccounts(ctx);
  return new Map(plan.accounts.map((a) => [a.id!, a.name ?? a.id!]));
}
