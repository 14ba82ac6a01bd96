import { accountLabel } from '../text/account-label.js';
import type { KnownBlock, SectionBlock } from '@slack/types';
import type { DailyEvaluation, Spike } from '../detect/daily-spend.js';
import { formatMoney, formatChange } from '../format.js';
import { capBlocks, context, header, section, sparkline } from '../notify/blocks.js';
import { escapeMrkdwn, escapePlain, oneLine } from '../notify/escape.js';
import { fitSlackText, fitSnsBody } from '../notify/fit.js';
import type { SlackMessage } from '../notify/slack.js';
import type { SnsMessage } from '../notify/sns.js';
import type { Alert } from '../alerts/alert.js';
import type { SpikeContext } from '../detect/spike-context.js';
import type { DailyUnitCost } from '../detect/unit-cost.js';
import { anomalyText, consoleButton, contextLabel, contextLine, driversText, totalExtras } from './daily-context.js';

/** A spike, or an AWS anomaly / unit-cost alert listed with the spikes under its own scope. */
export interface SpikeAlert extends Omit<Spike, 'scope' | 'series'>, Alert, SpikeContext {
  readonly scope: Spike['scope'] | 'anomaly' | 'unit-cost';
  readonly severity: Spike['severity'];
  /** Last 7 days for the sparkline; empty for anomaly and unit-cost alerts. */
  readonly series: readonly number[];
}

export interface DailyMessageContext {
  readonly evaluation: DailyEvaluation;
  readonly currency: string;
  /** Month-end forecast, shown on the total line. */
  readonly forecast?: number;
  readonly unitCost?: DailyUnitCost;
  /** What the total line covers: "Total" (the whole scope), or a team's accounts ("Total of Data, Web"). @default 'Total' */
  readonly totalLabel?: string;
  /** The message's one Cost Explorer link (SNS) when it lists several alerts: the day, by service, over its accounts. */
  readonly consoleUrl?: string;
}

const ICON = { warning: ':warning:', critical: ':rotating_light:' } as const;

const label = (s: SpikeAlert) => contextLabel(s) ?? (s.scope === 'total' ? 'Total spend' : s.scope === 'account' ? 'Account total' : s.key);
/** An account's alerts are named by the account: "Data (111111111111)". */
const named = (s: SpikeAlert) => (s.account ? `${accountLabel(s.account, s.accountName)}: ${label(s)}` : label(s));
const worst = (alerts: readonly SpikeAlert[]) => (alerts.some((a) => a.severity === 'critical') ? 'critical' : 'warning');

function spikeLine(s: SpikeAlert, currency: string, escape: (t: string) => string): string {
  const line = contextLine(s, currency, escape);
  if (line) return s.account ? `${escape(accountLabel(s.account, s.accountName))}: ${line}` : line;
  const drivers = driversText(s.drivers, currency, escape);
  const anomaly = s.anomaly ? `; ${anomalyText(s.anomaly, currency, escape)}` : '';
  if (s.scope === 'charges') return chargesLine(s, currency, escape);
  const against = s.basis ? escape(s.basis) : formatMoney(s.previous, currency);
  return (
    `${escape(named(s))} ${formatMoney(s.amount, currency)} vs ${against} (${formatChange(s.changePct)},` +
    ` ${s.severity})${drivers ? `, ${drivers}` : ''}${anomaly}`
  );
}

/** Charges post monthly: "Tax this month: $1,400.00 vs $900.00 last month, +55.6% (warning)". */
function chargesLine(s: SpikeAlert, currency: string, escape: (t: string) => string): string {
  const vs = s.previous > 0 ? ` vs ${formatMoney(s.previous, currency)} last month` : ', none last month';
  return `${escape(named(s))} this month: ${formatMoney(s.amount, currency)}${vs}, ${formatChange(s.changePct)} (${s.severity})`;
}

function totalLine(ctx: DailyMessageContext, escape: (t: string) => string = (t) => t): string {
  const { evaluation: e, currency } = ctx;
  return (
    `${escape(ctx.totalLabel ?? 'Total')} ${e.date}: ${formatMoney(e.total.amount, currency)} ` +
    `(${formatChange(e.total.changePct)} vs ${formatMoney(e.total.previous, currency)}) · month to ` +
    `date ${formatMoney(e.monthToDate, currency)}${totalExtras(ctx, currency, escape)}`
  );
}

/**
 * Grouped by account (the organization total first, then accounts by name),
 * then newest day first, services before the total, critical before warning,
 * then the biggest jump.
 */
function ordered(alerts: readonly SpikeAlert[]): SpikeAlert[] {
  const order: Record<string, number> = { total: 4, account: 4, anomaly: 2, 'unit-cost': 2 };
  const rank = (s: SpikeAlert) => (order[s.scope] ?? 0) + (s.severity === 'critical' ? 0 : 1);
  const group = (s: SpikeAlert) => (s.account ? `1${s.accountName ?? ''}\u0000${s.account}` : '0');
  return [...alerts].sort(
    (a, b) =>
      group(a).localeCompare(group(b)) ||
      b.date.localeCompare(a.date) ||
      rank(a) - rank(b) ||
      b.amount - b.previous - (a.amount - a.previous),
  );
}

export function dailySlackMessage(alerts: readonly SpikeAlert[], ctx: DailyMessageContext): SlackMessage {
  const list = ordered(alerts);
  const { evaluation: e, currency } = ctx;
  const kind = list.every((s) => !contextLabel(s)) ? 'spend spike' : 'cost alert';
  const title = `${ICON[worst(list)]} AWS ${kind}${list.length > 1 ? 's' : ''} on ${e.date}`;
  const blocks: KnownBlock[] = [header(title)];
  let account: string | null = null;
  for (const s of list) {
    // In an organization the message groups alerts by account, each under its name.
    if (s.account && s.account !== account) blocks.push(section(`:office: *${escapeMrkdwn(accountLabel(s.account, s.accountName))}*`));
    account = s.account;
    blocks.push(spikeSection(s, e.date, currency));
  }
  const notes = [totalLine(ctx, escapeMrkdwn)];
  if (e.estimated) notes.push('Cost Explorer marks this day as estimated: amounts can still rise as data fills in.');
  const capped = capBlocks(blocks, (n) => `…and ${n} more spikes; run \`npx cost-watch run daily-spend --date ${e.date}\` for all.`, [
    context(...notes),
  ]);
  const text = fitSlackText({
    head: `${title.replace(/^:\w+: /, '')}: `,
    items: list.map((s) => spikeLine(s, currency, escapePlain)),
    separator: '; ',
    more: (n) => `…and ${n} more (left out here; see the message blocks or --json)`,
    tail: `. ${totalLine(ctx, escapePlain)}`,
  });
  return { text, blocks: capped };
}

/** One section per alert: the figures as fields, the cause (drivers, AWS anomaly) under the name, a console button. */
function spikeSection(s: SpikeAlert, date: string, currency: string): SectionBlock {
  const late = s.date !== date && s.scope !== 'anomaly' ? ` _(late-filled data for ${s.date})_` : '';
  const head = `${ICON[s.severity]} *${escapeMrkdwn(label(s))}*${late}`;
  const lines = [head];
  const line = contextLine(s, currency, escapeMrkdwn) ?? (s.scope === 'charges' ? chargesLine(s, currency, escapeMrkdwn) : undefined);
  const drivers = driversText(s.drivers, currency, escapeMrkdwn);
  if (drivers) lines.push(drivers);
  if (s.anomaly && s.scope !== 'anomaly') lines.push(anomalyText(s.anomaly, currency, escapeMrkdwn));
  const block = line
    ? section([head, line].join('\n'))
    : section(lines.join('\n'), [
        `*Spend*\n${formatMoney(s.amount, currency)}`,
        s.basis ? `*Expected*\n${escapeMrkdwn(s.basis.replace(/ expected\b/, ''))}` : `*Baseline*\n${formatMoney(s.previous, currency)}`,
        `*Change*\n${formatChange(s.changePct)}`,
        `*Severity*\n${s.severity}`,
        `*Last 7 days*\n\`${sparkline(s.series)}\``,
      ]);
  const button = consoleButton(s.consoleUrl);
  return button ? { ...block, accessory: button } : block;
}

/**
 * One Cost Explorer link per SNS body (each is ~1,400 characters): the alert's
 * own view when there is one alert, else the day's view over the message's accounts.
 */
function consoleLine(list: readonly SpikeAlert[], ctx: DailyMessageContext): string {
  const url = list.length === 1 ? (list[0]!.consoleUrl ?? ctx.consoleUrl) : ctx.consoleUrl;
  return url ? `\nCost Explorer: ${url}` : '';
}

export function dailySnsMessage(alerts: readonly SpikeAlert[], ctx: DailyMessageContext): SnsMessage {
  const list = ordered(alerts);
  const { evaluation: e, currency } = ctx;
  const first = list[0]!;
  const more = list.length > 1 ? `, +${list.length - 1} more` : '';
  const kind = list.every((a) => !contextLabel(a)) ? 'spend spike' : 'cost alert';
  // An anomaly or unit-cost alert has no "change vs baseline" worth a subject line.
  const change = contextLabel(first) ? '' : ` ${formatChange(first.changePct)}`;
  const subject = `[${worst(list)}] AWS ${kind} ${e.date}: ${oneLine(named(first))}${change}${more}`;
  const body = fitSnsBody({
    head: `AWS spend spikes found by cost-watch for ${e.date}${e.estimated ? ' (estimated, data still filling in)' : ''}:\n\n`,
    items: list.map((s) => `- ${s.date !== e.date && s.scope !== 'anomaly' ? `[${s.date}] ` : ''}${spikeLine(s, currency, oneLine)}`),
    separator: '\n',
    more: (n) =>
      `- …and ${n} more spikes left out to keep this message under SNS's 256 KB; run \`npx cost-watch run daily-spend ` +
      `--date ${e.date} --json\` for all`,
    tail: `\n\n${totalLine(ctx, oneLine)}${consoleLine(list, ctx)}`,
  });
  return { subject, body, attributes: { job: 'daily-spend', severity: worst(list) } };
}
