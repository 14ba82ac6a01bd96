import { CLIENTS } from './clients.js';
import type { Severity } from '../../config/schema.js';
import { toBudgetFacts } from '../../aws/budgets.js';
import type { AccountError } from '../../aws/scopes.js';
import { alertTiers, evaluateBudget, type BudgetEvaluation, type BudgetPeriod, type CrossingKind } from '../../detect/budget.js';
import { budgetSlackMessage, budgetSnsMessage, type BudgetAlert, type BudgetMessageContext } from '../../messages/budgets.js';
import { countOf, formatMoney, formatPercent } from '../../format.js';
import { dispatch } from '../../notify/dispatch.js';
import { alertChannels } from '../../notify/routing.js';
import type { Alert, AlertSubject, ChannelName, Delivery } from '../../alerts/alert.js';
import { listAccountBudgets, type AccountBudgets } from './accounts.js';
import { runActions, type ActionError } from './actions.js';
import type { ActionRecord } from '../../detect/actions/types.js';
import { channelDeps, type JobContext } from '../common/context.js';
import type { JobDefinition } from '../common/types.js';
import { accountPrefix } from '../../text/account-label.js';

export interface CrossedResult {
  readonly kind: CrossingKind;
  readonly pct: number;
  readonly severity: Severity;
  /** True when this run sent it (on at least one channel). */
  readonly alerted: boolean;
  readonly alertId: string;
  /** Set on a lower threshold crossed together with a higher one: that alert settled it. */
  readonly coveredBy?: number;
}

export interface BudgetEvaluationResult extends Omit<BudgetEvaluation, 'crossed' | 'period'> {
  /** The budget's account in an organization; null in a single-account config. */
  readonly account: string | null;
  readonly accountName: string | null;
  readonly timeUnit: string;
  readonly period: Omit<BudgetPeriod, 'unit'>;
  readonly crossed: CrossedResult[];
}

export interface BudgetsResult {
  readonly job: 'budgets';
  readonly accountId: string;
  readonly evaluations: BudgetEvaluationResult[];
  readonly skipped: { budget: string; budgetType: string; reason: string; account: string | null }[];
  /** Organizations: accounts whose budgets could not be read (role not assumable, access denied). */
  readonly accountErrors: AccountError[];
  /** DescribeBudgets calls made (100 budgets a page). */
  readonly describeBudgetsPages: number;
  readonly deliveries: Delivery[];
  /** Budget actions this run planned (dry run), proposed, applied or restored (contract "Budget actions"). */
  readonly actions: ActionRecord[];
  /** Actions that could not be planned (an account's actions role not assumable, a denied read). */
  readonly actionErrors: ActionError[];
}

/**
 * Deterministic: the same threshold of the same budget in the same period is
 * the same alert, whichever run finds it. Budget names cannot hold ':', so the
 * account/name scope cannot collide with the period part.
 */
export const budgetAlertId = (accountId: string, budget: string, kind: CrossingKind, pct: number, period: BudgetPeriod, severity: string) =>
  `budgets|${accountId}/${budget}|${kind}-${pct}|${period.unit}:${period.start}|${severity}`;

/** Routing by severity: info is for Slack only; warning and above also page through the alert topic. */
const CARRIES: Record<Extract<ChannelName, 'slack' | 'sns'>, (a: Alert) => boolean> = {
  slack: () => true,
  sns: (a) => a.severity !== 'info',
};

interface Evaluated {
  readonly owner: AccountBudgets;
  readonly evaluation: BudgetEvaluation;
}

function alertsFor({ owner, evaluation: e }: Evaluated): BudgetAlert[] {
  const accountId = owner.account;
  const subject: AlertSubject = { job: 'budgets', scope: 'budget', key: e.budget, account: owner.organization ? accountId : null };
  return alertTiers(e.crossed).map((t) => ({
    accountName: owner.accountName,
    alertId: budgetAlertId(accountId, e.budget, t.kind, t.top.pct, e.period, t.top.severity),
    severity: t.top.severity,
    subject,
    threshold: t.top,
    evaluation: e,
    covers: t.covered.map((c) => ({
      alertId: budgetAlertId(accountId, e.budget, c.kind, c.pct, e.period, c.severity),
      severity: c.severity,
      subject,
      pct: c.pct,
    })),
  }));
}

function toResult(
  { owner, evaluation: e }: Evaluated,
  alerts: readonly BudgetAlert[],
  deliveries: readonly Delivery[],
): BudgetEvaluationResult {
  const accountId = owner.account;
  const sent = new Set(deliveries.filter((d) => d.status === 'sent').map((d) => d.alertId));
  const crossed = e.crossed.map((c): CrossedResult => {
    const alertId = budgetAlertId(accountId, e.budget, c.kind, c.pct, e.period, c.severity);
    const coveredBy = alerts.find((a) => a.covers.some((x) => x.alertId === alertId))?.threshold.pct;
    return {
      kind: c.kind,
      pct: c.pct,
      severity: c.severity,
      alerted: sent.has(alertId),
      alertId,
      ...(coveredBy === undefined ? {} : { coveredBy }),
    };
  });
  const { unit: timeUnit, ...period } = e.period;
  return { account: owner.organization ? accountId : null, accountName: owner.accountName, ...e, timeUnit, period, crossed };
}

export async function runBudgets(ctx: JobContext): Promise<BudgetsResult> {
  const listing = await listAccountBudgets(ctx);
  const rules = ctx.config.budgets;

  const evaluations: Evaluated[] = [];
  const skipped: BudgetsResult['skipped'] = [];
  for (const owner of listing.accounts)
    for (const budget of owner.budgets) {
      const outcome = evaluateBudget(toBudgetFacts(budget), rules, ctx.now);
      if (outcome.status === 'evaluated') evaluations.push({ owner, evaluation: outcome.evaluation });
      else
        skipped.push({
          budget: outcome.budget,
          budgetType: outcome.budgetType,
          reason: outcome.reason,
          account: owner.organization ? owner.account : null,
        });
    }

  const alerts = evaluations.flatMap(alertsFor);
  const msg: BudgetMessageContext = { currency: ctx.config.currency, emergencyMention: rules.emergencyMention };
  const deliveries = await dispatch({
    alerts,
    channels: alertChannels<BudgetAlert>(channelDeps(ctx), {
      slack: (a) => budgetSlackMessage(a, msg),
      sns: (a) => budgetSnsMessage(a, msg),
      accepts: CARRIES,
    }),
    ledger: ctx.ledger,
    mutes: ctx.mutes,
    dryRun: ctx.dryRun,
  });

  const acted = await runActions(ctx, evaluations);

  return {
    job: 'budgets',
    accountId: listing.accountId,
    evaluations: evaluations.map((e) => toResult(e, alerts, deliveries)),
    skipped,
    accountErrors: listing.accountErrors,
    describeBudgetsPages: listing.accounts.reduce((n, a) => n + a.pages, 0),
    deliveries: [...deliveries, ...acted.deliveries],
    actions: acted.actions,
    actionErrors: acted.actionErrors,
  };
}

export function summarizeBudgets(r: BudgetsResult): string {
  const lines = [`budgets (account ${r.accountId}): ${r.evaluations.length} evaluated, ${r.skipped.length} skipped`];
  for (const e of r.accountErrors) lines.push(`  NOT READ account ${e.account}: ${e.message}`);
  for (const e of r.evaluations) {
    const top = e.crossed.filter((c) => c.alerted).map((c) => `${c.kind} ${c.pct}% ${c.severity}`);
    const forecast = e.forecast === null ? 'no forecast' : `forecast ${formatMoney(e.forecast, e.unit)} (${formatPercent(e.forecastPct)})`;
    lines.push(
      `  ${accountPrefix(e.account, e.accountName)}${e.budget}: ${formatMoney(e.actual, e.unit)} ` +
        `of ${formatMoney(e.limit, e.unit)} (${formatPercent(e.actualPct)}), ${forecast}, ${countOf(e.daysLeft, 'day')} left` +
        (top.length ? `; alerted ${top.join(', ')}` : e.crossed.length ? '; thresholds already alerted' : ''),
    );
  }
  for (const a of r.actions ?? [])
    lines.push(`  action ${a.action} on ${a.budget}: ${a.status} (${a.id}), ${a.resources.length} resource(s)`);
  for (const e of r.actionErrors ?? []) lines.push(`  ACTION NOT PLANNED ${e.action} on ${e.budget}: ${e.message}`);
  for (const s of r.skipped) lines.push(`  skipped ${s.budget} (${s.budgetType}): ${s.reason}`);
  return lines.join('\n');
}

export const budgetsJob: JobDefinition<BudgetsResult> = {
  clients: CLIENTS,
  name: 'budgets',
  description: 'budget thresholds crossed, actual and forecast, once per threshold per budget period (AWS Budgets)',
  run: (ctx) => runBudgets(ctx),
  summarize: summarizeBudgets,
};
