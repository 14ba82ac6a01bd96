import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients, JobContext } from '../jobs/context.js';
import { stsClient } from './clients.js';
import { explainAwsError } from './errors.js';

/**
 * One STS call per set of clients: a warm Lambda (which keeps its AwsClients)
 * and a CLI run each ask once. Keyed by the clients, not globally, so two
 * contexts with different credentials never share an answer.
 */
const callerAccount = new WeakMap<AwsClients, Promise<string>>();

/** `budgets.accountId` from config, else the caller's own account (STS GetCallerIdentity, no IAM permission needed). */
export function resolveAccountId(ctx: JobContext): Promise<string> {
  const configured = ctx.config.budgets.accountId;
  if (configured) return Promise.resolve(configured);
  let cached = callerAccount.get(ctx.aws);
  if (!cached) {
    cached = askSts(ctx);
    callerAccount.set(ctx.aws, cached);
    // A failure is not remembered: the next run asks again.
    cached.catch(() => callerAccount.delete(ctx.aws));
  }
  return cached;
}

async function askSts(ctx: JobContext): Promise<string> {
  const sts = ctx.aws.get('sts', () => stsClient());
  const out = await sts.send(new GetCallerIdentityCommand({})).catch((err: unknown) => {
    throw explainAwsError(err, 'STS GetCallerIdentity (to find the account for budgets; or set budgets.accountId)', 'sts:GetCallerIdentity');
  });
  if (!out.Account) throw new Error('STS GetCallerIdentity returned no Account: set budgets.accountId in config');
  return out.Account;
}
