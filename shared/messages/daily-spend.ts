import type { KnownBlock } from '@slack/types';
import type { DailyEvaluation, Spike } from '../detect/daily-spend.js';
import { formatMoney, formatPct } from '../money.js';
import { capBlocks, context, header, section, sparkline } from '../notify/blocks.js';
import { escapeMrkdwn, escapePlain } from '../notify/escape.js';
import type { SlackMessage } from '../notify/slack.js';
import type { SnsMessage } from '../notify/sns.js';
import type { Alert } from '../notify/types.js';

export interface SpikeAlert extends Spike, Alert {
  readonly severity: Spike['severity'];
}

export interface DailyMessageContext {
  readonly evaluation: DailyEvaluation;
  readonly currency: string;
}

const ICON = { warning: ':warning:', critical: ':rotating_light:' } as const;

const label = (s: Spike) => (s.scope === 'total' ? 'Total spend' : s.key);
const worst = (alerts: readonly Spike[]) => (alerts.some((a) => a.severity === 'critical') ? 'critical' : 'warning');

function spikeLine(s: Spike, currency: string, escape: (t: string) => string): string {
  return `${escape(label(s))} ${formatMoney(s.amount, currency)} vs ${formatMoney(s.previous, currency)} (${formatPct(s.changePct)}, ${s.severity})`;
}

function totalLine(ctx: DailyMessageContext): string {
  const { evaluation: e, currency } = ctx;
  return `Total ${e.date}: ${formatMoney(e.total.amount, currency)} (${formatPct(e.total.changePct)} vs ${formatMoney(e.total.previous, currency)}) · month to date ${formatMoney(e.monthToDate, currency)}`;
}

/** Newest day first, services before the total, critical before warning, then the biggest jump. */
function ordered(alerts: readonly SpikeAlert[]): SpikeAlert[] {
  const rank = (s: Spike) => (s.scope === 'total' ? 2 : 0) + (s.severity === 'critical' ? 0 : 1);
  return [...alerts].sort((a, b) => b.date.localeCompare(a.date) || rank(a) - rank(b) || b.amount - b.previous - (a.amount - a.previous));
}

export function dailySlackMessage(alerts: readonly SpikeAlert[], ctx: DailyMessageContext): SlackMessage {
  const list = ordered(alerts);
  const { evaluation: e, currency } = ctx;
  const title = `${ICON[worst(list)]} AWS spend spike${list.length > 1 ? 's' : ''} on ${e.date}`;
  const blocks: KnownBlock[] = [header(title)];
  for (const s of list) {
    const late = s.date !== e.date ? ` _(late-filled data for ${s.date})_` : '';
    blocks.push(
      section(`${ICON[s.severity]} *${escapeMrkdwn(label(s))}*${late}`, [
        `*Spend*\n${formatMoney(s.amount, currency)}`,
        `*Baseline*\n${formatMoney(s.previous, currency)}`,
        `*Change*\n${formatPct(s.changePct)}`,
        `*Severity*\n${s.severity}`,
        `*Last 7 days*\n\`${sparkline(s.series)}\``,
      ]),
    );
  }
  const notes = [totalLine(ctx)];
  if (e.estimated) notes.push('Cost Explorer marks this day as estimated: amounts can still rise as data fills in.');
  const capped = capBlocks(blocks, (n) => `…and ${n} more spikes; run \`npx cost-watch run daily-spend --date ${e.date}\` for all.`, [context(...notes)]);
  const text = `${title.replace(/^:\w+: /, '')}: ${list.map((s) => spikeLine(s, currency, escapePlain)).join('; ')}. ${totalLine(ctx)}`;
  return { text, blocks: capped };
}

export function dailySnsMessage(alerts: readonly SpikeAlert[], ctx: DailyMessageContext): SnsMessage {
  const list = ordered(alerts);
  const { evaluation: e, currency } = ctx;
  const first = list[0]!;
  const more = list.length > 1 ? `, +${list.length - 1} more` : '';
  const subject = `[${worst(list)}] AWS spend spike ${e.date}: ${label(first)} ${formatPct(first.changePct)}${more}`;
  const body = [
    `AWS spend spikes found by cost-watch for ${e.date}${e.estimated ? ' (estimated, data still filling in)' : ''}:`,
    '',
    ...list.map((s) => `- ${s.date !== e.date ? `[${s.date}] ` : ''}${spikeLine(s, currency, (t) => t)}`),
    '',
    totalLine(ctx),
  ].join('\n');
  return { subject, body, attributes: { job: 'daily-spend', severity: worst(list) } };
}
