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

/** The account the job runs in (STS GetCallerIdentity, no IAM permission needed), asked once per set of clients. */
export function callerAccountId(ctx: Pick<JobContext, 'aws'>, why = 'to find the account the job runs in'): Promise<string> {
  let cached = callerAccount.get(ctx.aws);
  if (!cached) {
    cached = askSts(ctx, why);
    callerAccount.set(ctx.aws, cached);
    // A failure is not remembered: the next run asks again.
    cached.catch(() => callerAccount.delete(ctx.aws));
  }
  return cached;
}

/** `budgets.accountId` from config, else the caller's own account. */
export function resolveAccountId(ctx: JobContext): Promise<string> {
  const configured = ctx.config.budgets.accountId;
  if (configured) return Promise.resolve(configured);
  return callerAccountId(ctx, 'to find the account for budgets; or set budgets.accountId');
}

async function askSts(ctx: Pick<JobContext, 'aws'>, why: string): Promise<string> {
  const sts = ctx.aws.get('sts', () => stsClient());
  const out = await sts.send(new GetCallerIdentityCommand({})).catch((err: unknown) => {
    throw explainAwsError(err, `STS GetCallerIdentity (${why})`, 'sts:GetCallerIdentity');
  });
  if (!out.Account) throw new Error('STS GetCallerIdentity returned no Account');
  return out.Account;
}
