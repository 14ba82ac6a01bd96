import type { Budget, BudgetsClient } from '@aws-sdk/client-budgets';
import { resolveAccountId } from '../../aws/account.js';
import { listBudgets } from '../../aws/budgets.js';
import { errorMessage } from '../../aws/errors.js';
import { eachAccountChecked, type AccountError } from '../../aws/scopes.js';
import { AwsAccessError } from '../../errors.js';
import { jobAccounts } from '../common/accounts.js';
import type { JobContext } from '../common/context.js';

/** One account's budgets, as DescribeBudgets listed them. */
export interface AccountBudgets {
  readonly account: string;
  /** null in a single-account config. */
  readonly accountName: string | null;
  readonly organization: boolean;
  readonly budgets: Budget[];
  readonly pages: number;
}

export interface BudgetsListing {
  /** The account the job runs in (`budgets.accountId` in a single-account config). */
  readonly accountId: string;
  readonly accounts: AccountBudgets[];
  readonly accountErrors: AccountError[];
}

/** What `read` returned for one account, with whose account it is. */
export interface AccountRead<T> {
  readonly account: string;
  /** null in a single-account config. */
  readonly accountName: string | null;
  readonly organization: boolean;
  readonly value: T;
}

/**
 * Reads AWS Budgets in every account a job covers. A single-account config
 * reads `budgets.accountId` (default: the caller's). In an organization, each
 * account is read in that account, through its assumed role (the home
 * account with its own credentials); an account that cannot be read is an
 * account error, and only every account failing stops the run.
 */
export async function readBudgetAccounts<T>(
  ctx: JobContext,
  job: string,
  read: (client: BudgetsClient, accountId: string) => Promise<T>,
): Promise<{ accountId: string; accounts: AccountRead<T>[]; accountErrors: AccountError[] }> {
  const org = ctx.config.organization;
  if (!org) {
    const accountId = await resolveAccountId(ctx.aws, ctx.config.budgets.accountId);
    ctx.log.progress(`${job}: reading the budgets of account ${accountId}`);
    const value = await read(ctx.aws.budgets(), accountId);
    return { accountId, accounts: [{ account: accountId, accountName: null, organization: false, value }], accountErrors: [] };
  }
  const { plan, access } = await jobAccounts(ctx, org);
  ctx.log.progress(`${job}: reading the budgets of ${plan.accounts.length} account(s)`);
  const out = await eachAccountChecked(access, plan.accounts, org.concurrency, async (a) => {
    const client = ctx.aws.budgets(access.member(a));
    try {
      return { ok: true as const, value: await read(client, a.id) };
    } catch (err) {
      return { ok: false as const, message: errorMessage(err) };
    }
  });
  const accounts: AccountRead<T>[] = [];
  const accountErrors = [...out.errors];
  for (const { account, value } of out.results) {
    if (value.ok) accounts.push({ account: account.id, accountName: account.name, organization: true, value: value.value });
    else accountErrors.push({ account: account.id, message: value.message });
  }
  for (const e of accountErrors) ctx.log.warn(`${job}: account ${e.account} not read: ${e.message}`);
  if (plan.accounts.length && !accounts.length)
    throw new AwsAccessError(
      `${job}: no account's budgets could be read: ${accountErrors.map((e) => `account ${e.account}: ${e.message}`).join('; ')}`,
      'Budgets DescribeBudgets',
    );
  return { accountId: plan.home, accounts, accountErrors };
}

/** The budgets of every account the budgets job covers (see readBudgetAccounts). */
export async function listAccountBudgets(ctx: JobContext): Promise<BudgetsListing> {
  const { accountId, accounts, accountErrors } = await readBudgetAccounts(ctx, 'budgets', listBudgets);
  return { accountId, accounts: accounts.map(({ value, ...a }) => ({ ...a, ...value })), accountErrors };
}
