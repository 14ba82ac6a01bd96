import { accountLabel } from '../text/account-label.js';
import type { KnownBlock } from '@slack/types';
import { SEVERITIES, type Severity } from '../config/schema.js';
import type { BudgetEvaluation, Crossing } from '../detect/budget.js';
import { countOf, formatMoney, formatPercent } from '../format.js';
import { capBlocks, context, header, section } from '../notify/blocks.js';
import { escapeMrkdwn, escapePlain, oneLine } from '../notify/escape.js';
import { fitSlackText, fitSnsBody } from '../notify/fit.js';
import type { SlackMessage } from '../notify/slack.js';
import type { SnsMessage } from '../notify/sns.js';
import { addDays } from '../time/dates.js';
import type { Alert } from '../alerts/alert.js';

/** One alert per (budget, kind) a run: it names the highest threshold crossed. */
export interface BudgetAlert extends Alert {
  readonly severity: Severity;
  readonly threshold: Crossing;
  readonly evaluation: BudgetEvaluation;
  /** The lower tiers crossed in the same run: settled by this alert (dispatch records them). */
  readonly covers: readonly (Alert & { readonly severity: Severity; readonly pct: number })[];
  /** The budget's account name (organizations), shown before the budget's name. */
  readonly accountName?: string | null;
}

/** "Data (111111111111): team-budget" in an organization, else the budget's name. */
const nameOf = (a: BudgetAlert) => {
  const id = a.subject.account;
  if (!id) return a.evaluation.budget;
  return `${accountLabel(id, a.accountName)}: ${a.evaluation.budget}`;
};

export interface BudgetMessageContext {
  /** The config's currency: a budget in another unit says so. */
  readonly currency: string;
  /** Slack mention for emergencies, e.g. `<!here>`; '' for none. */
  readonly emergencyMention: string;
}

const ICON: Record<Severity, string> = {
  info: ':information_source:',
  warning: ':warning:',
  critical: ':rotating_light:',
  emergency: ':fire:',
};
const rank = (s: Severity) => SEVERITIES.indexOf(s);

export function worstSeverity(alerts: readonly BudgetAlert[]): Severity {
  return alerts.reduce<Severity>((w, a) => (rank(a.severity) > rank(w) ? a.severity : w), 'info');
}

/** Most severe first, then by budget name: the page leads with what needs action. */
function ordered(alerts: readonly BudgetAlert[]): BudgetAlert[] {
  return [...alerts].sort((a, b) => rank(b.severity) - rank(a.severity) || a.evaluation.budget.localeCompare(b.evaluation.budget));
}

/** How a text goes into the message being built: mrkdwn, Slack's fallback text or SNS's plain text. */
type Escape = (text: string) => string;
/**
 * A budget's unit comes from AWS Budgets and is free text: a unit `<!channel>`
 * must not ping the channel, so every amount goes through the message's escaper.
 */
const money = (n: number, e: BudgetEvaluation, esc: Escape) => esc(formatMoney(n, e.unit));
const pctText = formatPercent;
/** The period as people say it: both days included. */
const periodText = (e: BudgetEvaluation) => `${e.period.start} to ${addDays(e.period.endExclusive, -1)}`;
const unitNote = (e: BudgetEvaluation, m: BudgetMessageContext, esc: Escape) =>
  e.unit !== m.currency ? ` (amounts in ${esc(e.unit)})` : '';

function what(a: BudgetAlert): string {
  const e = a.evaluation;
  return a.threshold.kind === 'actual'
    ? `spent ${pctText(e.actualPct)} of its limit (crossed ${a.threshold.pct}%)`
    : `forecast to end at ${pctText(e.forecastPct)} of its limit (crossed ${a.threshold.pct}%)`;
}

function forecastText(e: BudgetEvaluation, esc: Escape): string {
  return e.forecast === null ? 'no forecast yet' : `${money(e.forecast, e, esc)} (${pctText(e.forecastPct)})`;
}

function keepInside(e: BudgetEvaluation, esc: Escape): string {
  return e.remaining > 0 ? `at most ${money(e.perDayToStayInside, e, esc)}/day` : `already ${money(-e.remaining, e, esc)} over the limit`;
}

/** One line with every fact, for Slack's fallback text and the SNS body. */
function alertLine(a: BudgetAlert, m: BudgetMessageContext, escape: (t: string) => string): string {
  const e = a.evaluation;
  return (
    `[${a.severity}] ${escape(nameOf(a))}${unitNote(e, m, escape)}: ${what(a)}; ${money(e.actual, e, escape)} ` +
    `of ${money(e.limit, e, escape)} spent, ` +
    `forecast ${forecastText(e, escape)}, ${countOf(e.daysLeft, 'day')} left in the period (${periodText(e)}), ` +
    `to stay inside: ${keepInside(e, escape)}`
  );
}

function title(alerts: readonly BudgetAlert[]): string {
  return alerts.length === 1
    ? `AWS budget ${alerts[0]!.threshold.kind === 'actual' ? 'threshold' : 'forecast'} crossed`
    : `${alerts.length} AWS budget thresholds crossed`;
}

export function budgetSlackMessage(alerts: readonly BudgetAlert[], m: BudgetMessageContext): SlackMessage {
  const list = ordered(alerts);
  const worst = worstSeverity(list);
  const mention = worst === 'emergency' && m.emergencyMention ? `${m.emergencyMention} ` : '';
  const blocks: KnownBlock[] = [header(`${ICON[worst]} ${title(list)}`)];
  if (mention) blocks.push(section(`${mention}a budget is at or over its limit.`));
  for (const a of list) {
    const e = a.evaluation;
    blocks.push(
      section(`${ICON[a.severity]} *${escapeMrkdwn(nameOf(a))}*${unitNote(e, m, escapeMrkdwn)} ${what(a)}`, [
        `*Spent / limit*\n${money(e.actual, e, escapeMrkdwn)} / ${money(e.limit, e, escapeMrkdwn)}`,
        `*Percent*\n${pctText(e.actualPct)}`,
        `*Forecast*\n${forecastText(e, escapeMrkdwn)}`,
        `*Days left*\n${e.daysLeft} (period ${periodText(e)})`,
        `*To stay inside*\n${keepInside(e, escapeMrkdwn)}`,
        `*Severity*\n${a.severity}`,
      ]),
    );
  }
  const capped = capBlocks(blocks, (n) => `…and ${n} more budgets; run \`npx cost-watch run budgets\` for all.`, [
    context('Each threshold alerts once per budget period; lower thresholds crossed in the same run are included in this alert.'),
  ]);
  const text = fitSlackText({
    head: `${mention}${title(list)}: `,
    items: list.map((a) => alertLine(a, m, escapePlain)),
    separator: '; ',
    more: (n) => `…and ${n} more budgets (left out here; run \`npx cost-watch run budgets --json\` for all)`,
  });
  return { text, blocks: capped };
}

export function budgetSnsMessage(alerts: readonly BudgetAlert[], m: BudgetMessageContext): SnsMessage {
  const list = ordered(alerts);
  const worst = worstSeverity(list);
  const first = list[0]!;
  const more = list.length > 1 ? `, +${list.length - 1} more` : '';
  const crossedPct = first.threshold.kind === 'actual' ? first.evaluation.actualPct : first.evaluation.forecastPct;
  const subject = `[${worst}] AWS budget ${oneLine(nameOf(first))}: ${first.threshold.kind} ${pctText(crossedPct)}${more}`;
  const body = fitSnsBody({
    head: 'AWS budget thresholds crossed, found by cost-watch:\n\n',
    items: list.map((a) => `- ${alertLine(a, m, oneLine)}`),
    separator: '\n',
    more: (n) =>
      `- …and ${n} more budgets left out to keep this message under SNS's 256 KB; run \`npx cost-watch run budgets --json\` for all`,
  });
  return { subject, body, attributes: { job: 'budgets', severity: worst } };
}
