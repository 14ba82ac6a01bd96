import { ActionsAccess } from '../../actions/access.js';
import { actionDeps } from '../../actions/deps.js';
import { planAction, recordIdOf, type PlanInput } from '../../actions/plan.js';
import { restoreAtPeriodEnd } from '../../actions/restore.js';
import { applyAction } from '../../actions/steps.js';
import type { ActionDeps } from '../../actions/types.js';
import type { Alert, Delivery } from '../../alerts/alert.js';
import { errorMessage } from '../../aws/errors.js';
import { triggeredActions } from '../../detect/actions/trigger.js';
import type { ActionRecord } from '../../detect/actions/types.js';
import type { BudgetEvaluation } from '../../detect/budget.js';
import { UsageError } from '../../errors.js';
import { actionMessage, type ActionMessageContext } from '../../messages/action-message.js';
import { actionSnsMessage } from '../../messages/budget-action-sns.js';
import { dispatch } from '../../notify/dispatch.js';
import { alertChannels, destinationsOf } from '../../notify/routing.js';
import { channelDeps, type JobContext } from '../common/context.js';
import type { AccountBudgets } from './accounts.js';

export interface ActionError {
  readonly action: string;
  readonly budget: string;
  readonly account: string | null;
  readonly message: string;
}

export interface ActionsRun {
  /** What this run planned (dry run), proposed, applied or restored. */
  readonly actions: ActionRecord[];
  readonly actionErrors: ActionError[];
  readonly deliveries: Delivery[];
}

interface ActionAlert extends Alert {
  readonly record: ActionRecord;
}

const NO_SLACK = 'not proposed: approval "slack" needs a Slack destination for this account (notify.slack, or a route with slack)';

/**
 * Budget actions in the budgets job: restore what last period's actions
 * changed, then for every (action, budget, account, period) newly crossed,
 * plan it and store it once: proposed in Slack, or applied at once with
 * approval "auto". A dry run plans (status `planned`) and writes nothing.
 */
export async function runActions(
  ctx: JobContext,
  evaluated: readonly { owner: AccountBudgets; evaluation: BudgetEvaluation }[],
): Promise<ActionsRun> {
  const b = ctx.config.budgets;
  if (!b.actions.length) return { actions: [], actionErrors: [], deliveries: [] };
  if (!ctx.config.ledgerTable && !ctx.dryRun)
    throw new UsageError('ledgerTable: expected in config with budgets.actions: action records live in the ledger table');
  const access = new ActionsAccess(ctx.aws, ctx.config, ctx.env);
  const deps = ctx.config.ledgerTable ? actionDeps(ctx.config, ctx.aws, ctx.env, ctx.log, () => ctx.now) : undefined;
  const actions: ActionRecord[] = deps && !ctx.dryRun ? await restoreAtPeriodEnd(deps) : [];
  const inputs: PlanInput[] = evaluated.flatMap(({ owner, evaluation: e }) =>
    triggeredActions(e, b.actions).map((t) => ({
      action: t.action,
      pct: t.pct,
      budget: e.budget,
      account: owner.organization ? owner.account : null,
      accountId: owner.account,
      period: e.period,
      restoreAtPeriodEnd: b.restoreAtPeriodEnd,
      now: ctx.now,
    })),
  );
  const existing = deps && inputs.length ? await deps.records.getMany(inputs.map(recordIdOf)) : new Map();
  const open: ActionRecord[] = [];
  const actionErrors: ActionError[] = [];
  for (const input of inputs) {
    const known = existing.get(recordIdOf(input))?.record as ActionRecord | undefined;
    if (known) {
      if (known.status === 'proposed') open.push(known); // its message is re-sent only if it never went out
      continue;
    }
    try {
      const record = await newAction(ctx, input, access, deps);
      if (record) actions.push(record);
    } catch (err) {
      const message = errorMessage(err);
      ctx.log.warn(`budget action ${input.action.id} on ${input.budget}: not planned: ${message}`);
      actionErrors.push({ action: input.action.id, budget: input.budget, account: input.account, message });
    }
  }
  const deliveries = await tell(ctx, [...actions, ...open]);
  return { actions, actionErrors, deliveries };
}

async function newAction(
  ctx: JobContext,
  input: PlanInput,
  access: ActionsAccess,
  deps: ActionDeps | undefined,
): Promise<ActionRecord | undefined> {
  const auto = ctx.config.budgets.approval === 'auto';
  if (ctx.dryRun || !deps) return planAction(input, access, ctx.aws, 'planned', 'dry-run');
  const record = await planAction(input, access, ctx.aws, auto ? 'approved' : 'proposed', auto ? 'auto' : 'cost-watch');
  const { created } = await deps.records.create(record);
  // Another run created it first: that run proposes or applies it.
  if (!created) return undefined;
  if (!auto) return record;
  const out = await applyAction(record.id, 'auto', deps);
  return out.outcome === 'done' ? out.record : (out.record ?? record);
}

/** One message per record (its buttons act on it alone), through the run's channels and the ledger like every alert. */
async function tell(ctx: JobContext, records: readonly ActionRecord[]): Promise<Delivery[]> {
  const b = ctx.config.budgets;
  const msg: ActionMessageContext = { currency: ctx.config.currency, approvers: b.approvers ?? [], approval: b.approval };
  const deliveries: Delivery[] = [];
  for (const record of records) {
    const alert: ActionAlert = {
      alertId: `budgets|action|${record.id}|${record.status === 'proposed' || record.status === 'planned' ? 'proposed' : record.status}`,
      severity: record.status === 'proposed' || record.status === 'planned' ? 'warning' : 'critical',
      subject: { job: 'budgets', scope: 'action', key: record.id, account: record.account },
      record,
    };
    if (record.status === 'proposed' && !destinationsOf(record.account, ctx.config.notify).slack.length) {
      deliveries.push({ channel: 'none', alertId: alert.alertId, status: 'failed', error: NO_SLACK });
      continue;
    }
    const channels = alertChannels<ActionAlert>(channelDeps(ctx), {
      slack: (alerts) => actionMessage(alerts[0]!.record, msg),
      sns: (alerts) => actionSnsMessage(alerts[0]!.record, msg),
    });
    deliveries.push(...(await dispatch({ alerts: [alert], channels, ledger: ctx.ledger, mutes: ctx.mutes, dryRun: ctx.dryRun })));
  }
  return deliveries;
}
