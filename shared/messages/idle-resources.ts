import type { KnownBlock } from '@slack/types';
import type { RegionError } from '../aws/regions.js';
import type { IdleInstance, UnattachedVolume, Unpriced } from '../detect/idle.js';
import { formatMoney } from '../money.js';
import { context, header, section } from '../notify/blocks.js';
import { escapeMrkdwn, escapePlain } from '../notify/escape.js';
import type { SlackMessage } from '../notify/slack.js';
import type { SnsMessage } from '../notify/sns.js';
import type { Alert } from '../notify/types.js';

/** One idle instance or unattached volume, alerted once per ISO week. */
export type IdleAlert = Alert &
  ({ readonly kind: 'instance'; readonly item: IdleInstance } | { readonly kind: 'volume'; readonly item: UnattachedVolume });

export interface IdleMessageContext {
  readonly date: string;
  readonly weekStart: string;
  readonly regions: readonly string[];
  readonly regionErrors: readonly RegionError[];
  /** Every finding of this run, new or already reported this week. */
  readonly totalIdleInstances: number;
  readonly totalUnattachedVolumes: number;
  readonly estimatedMonthlySavings: number;
  readonly noData: number;
  readonly unpriced: readonly Unpriced[];
  readonly lookbackDays: number;
  readonly cpuThresholdPct: number;
  readonly priceTableDate: string;
}

/** How many items a message lists one by one; the rest are summed up in a line. */
export const TOP_ITEMS = 10;
const CURRENCY = 'USD';

const cost = (c: number | null) => (c === null ? 'price unknown' : `${formatMoney(c, CURRENCY)}/month`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const sumCost = (alerts: readonly IdleAlert[]) => alerts.reduce((s, a) => s + (a.item.estimatedMonthlyCost ?? 0), 0);

function ordered(alerts: readonly IdleAlert[]): IdleAlert[] {
  return [...alerts].sort(
    (a, b) => (b.item.estimatedMonthlyCost ?? -1) - (a.item.estimatedMonthlyCost ?? -1) || a.item.id.localeCompare(b.item.id),
  );
}

/** One line per item; `esc` is mrkdwn escaping in Slack and identity in SNS. */
function itemLine(a: IdleAlert, esc: (t: string) => string, bold: (t: string) => string): string {
  const name = a.item.name ? ` ${bold(esc(a.item.name))}` : '';
  if (a.kind === 'instance') {
    const i = a.item;
    return `${i.id}${name} · ${i.instanceType} · ${i.region} · avg CPU ${i.avgCpuPct}% · ${cost(i.estimatedMonthlyCost)}`;
  }
  const v = a.item;
  return `${v.id}${name} · ${v.volumeType} ${v.sizeGiB} GiB unattached · ${v.region} · ${cost(v.estimatedMonthlyCost)}`;
}

function headline(alerts: readonly IdleAlert[]): string {
  const instances = alerts.filter((a) => a.kind === 'instance').length;
  const volumes = alerts.length - instances;
  return `${plural(instances, 'idle instance')} and ${plural(volumes, 'unattached volume')}, about ${formatMoney(sumCost(alerts), CURRENCY)}/month`;
}

function isFollowUp(alerts: readonly IdleAlert[], ctx: IdleMessageContext): boolean {
  return alerts.length < ctx.totalIdleInstances + ctx.totalUnattachedVolumes;
}

function weekTotal(ctx: IdleMessageContext): string {
  return `This week in total: ${plural(ctx.totalIdleInstances, 'idle instance')}, ${plural(ctx.totalUnattachedVolumes, 'unattached volume')}, about ${formatMoney(ctx.estimatedMonthlySavings, CURRENCY)}/month.`;
}

function notScanned(ctx: IdleMessageContext, esc: (t: string) => string): string | undefined {
  if (!ctx.regionErrors.length) return undefined;
  return `Not scanned: ${ctx.regionErrors.map((e) => `${e.region} (${esc(e.message)})`).join('; ')}`;
}

function unpricedLine(ctx: IdleMessageContext, esc: (t: string) => string): string | undefined {
  if (!ctx.unpriced.length) return undefined;
  return `No bundled price for: ${ctx.unpriced.map((u) => `${esc(u.type)} in ${u.region} ×${u.count}`).join(', ')} (not counted in the total)`;
}

function rest(list: readonly IdleAlert[]): string | undefined {
  const more = list.slice(TOP_ITEMS);
  if (!more.length) return undefined;
  return `…and ${more.length} more, about ${formatMoney(sumCost(more), CURRENCY)}/month; the full list is in the findings JSON and \`--json\`.`;
}

export function idleSlackMessage(alerts: readonly IdleAlert[], ctx: IdleMessageContext): SlackMessage {
  const list = ordered(alerts);
  const followUp = isFollowUp(list, ctx);
  const title = `${followUp ? 'New idle' : 'Idle'} AWS resources, week of ${ctx.weekStart}`;
  const blocks: KnownBlock[] = [header(`:money_with_wings: ${title}`)];
  blocks.push(section(`*${headline(list)}* could be saved across ${plural(ctx.regions.length, 'region')}.${followUp ? `\n${weekTotal(ctx)}` : ''}`));
  const top = list.slice(0, TOP_ITEMS).map((a) => `• ${itemLine(a, escapeMrkdwn, (t) => `*${t}*`)}`);
  if (top.length) blocks.push(section(top.join('\n')));
  const more = rest(list);
  if (more) blocks.push(section(more));
  const errors = notScanned(ctx, escapeMrkdwn);
  if (errors) blocks.push(section(`:warning: ${errors}`));
  const notes = [
    `Idle: avg CPU below ${ctx.cpuThresholdPct}% over the ${ctx.lookbackDays} days to ${ctx.date}; ${plural(ctx.noData, 'instance')} without CPU data not counted.`,
    `On-demand Linux estimates × 730 h, price table ${ctx.priceTableDate}.`,
  ];
  const unpriced = unpricedLine(ctx, escapeMrkdwn);
  if (unpriced) notes.push(unpriced);
  blocks.push(context(...notes));

  const textParts = [`${title}: ${headline(list)}.`];
  if (followUp) textParts.push(weekTotal(ctx));
  textParts.push(`Top: ${list.slice(0, 3).map((a) => itemLine(a, escapePlain, (t) => t)).join('; ')}.`);
  const plainErrors = notScanned(ctx, escapePlain);
  if (plainErrors) textParts.push(`${plainErrors}.`);
  return { text: textParts.join(' '), blocks };
}

export function idleSnsMessage(alerts: readonly IdleAlert[], ctx: IdleMessageContext): SnsMessage {
  const list = ordered(alerts);
  const followUp = isFollowUp(list, ctx);
  const subject = `[warning] ${followUp ? 'New idle' : 'Idle'} AWS resources: ${headline(list)}`;
  const plain = (t: string) => t;
  const body = [
    `cost-watch found ${headline(list)} for the week of ${ctx.weekStart} (run ${ctx.date}, ${plural(ctx.regions.length, 'region')} scanned).`,
    ...(followUp ? [weekTotal(ctx)] : []),
    '',
    ...list.slice(0, 50).map((a) => `- ${itemLine(a, plain, plain)}`),
    ...(list.length > 50 ? [`- …and ${list.length - 50} more, about ${formatMoney(sumCost(list.slice(50)), CURRENCY)}/month`] : []),
    '',
    ...[notScanned(ctx, plain), unpricedLine(ctx, plain)].filter((l): l is string => l !== undefined),
    `Idle means average CPU below ${ctx.cpuThresholdPct}% over the ${ctx.lookbackDays} days to ${ctx.date}; ${plural(ctx.noData, 'instance')} had no CPU data and are not counted.`,
    `Costs are on-demand Linux estimates × 730 hours from the bundled price table (${ctx.priceTableDate}).`,
  ].join('\n');
  return { subject, body, attributes: { job: 'idle-resources', severity: 'warning' } };
}
