import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from './aws-clients.js';
import { explainAwsError } from './errors.js';

/**
 * One STS call per set of clients: a warm Lambda (which keeps its AwsClients)
 * and a CLI run each ask once. Keyed by the clients, not globally, so two
 * contexts with different credentials never share an answer.
 */
const callerAccount = new WeakMap<AwsClients, Promise<string>>();

/** The account the job runs in (STS GetCallerIdentity, no IAM permission needed), asked once per set of clients. */
export function callerAccountId(aws: AwsClients, why = 'to find the account the job runs in'): Promise<string> {
  let cached = callerAccount.get(aws);
  if (!cached) {
    cached = askSts(aws, why);
    callerAccount.set(aws, cached);
    // A failure is not remembered: the next run asks again.
    cached.catch(() => callerAccount.delete(aws));
  }
  return cached;
}

/** `budgets.accountId` from config (`configured`), else the caller's own account. */
export function resolveAccountId(aws: AwsClients, configured: string | undefined): Promise<string> {
  if (configured) return Promise.resolve(configured);
  return callerAccountId(aws, 'to find the account for budgets; or set budgets.accountId');
}

async function askSts(aws: AwsClients, why: string): Promise<string> {
  const out = await aws
    .sts()
    .send(new GetCallerIdentityCommand({}))
    .catch((err: unknown) => {
      throw explainAwsError(err, `STS GetCallerIdentity (${why})`, 'sts:GetCallerIdentity');
    });
  if (!out.Account) throw new Error('STS GetCallerIdentity returned no Account');
  return out.Account;
}
