import type { KnownBlock } from '@slack/types';
import type { RegionError } from '../aws/regions.js';
import { context, header, section, SLACK_LIMITS } from '../notify/blocks.js';
import { escapeMrkdwn, escapePlain, oneLine } from '../notify/escape.js';
import { SNS_BODY_MAX_BYTES } from '../notify/limits.js';
import { agree, countOf } from '../format.js';
import { clip, clipBytes } from '../text/clip.js';
import type { SlackMessage } from '../notify/slack.js';
import type { SnsMessage } from '../notify/sns.js';
import type { Alert } from '../alerts/alert.js';
import type { Finding, RuleError, Unpriced } from '../waste/types.js';
import { digestSections, digestSnsLines, digestSummary, unlistedLine, type IdleDigest } from './idle-digest.js';
import { groupByRule, groupHeadline, itemLine, money, restLine, slackCode, sumCost, type RuleGroup } from './waste-groups.js';

/** One finding, alerted once per ISO week. */
export type IdleAlert = Alert & { readonly finding: Finding };

export interface IdleMessageContext {
  readonly date: string;
  readonly weekStart: string;
  readonly regions: readonly string[];
  readonly regionErrors: readonly RegionError[];
  /** Accounts whose role could not be assumed: none of their regions was scanned. */
  readonly accountErrors?: readonly { readonly account: string; readonly name?: string; readonly message: string }[];
  readonly ruleErrors: readonly RuleError[];
  /** Every finding of this run, new or already reported this week. */
  readonly totalFindings: number;
  readonly estimatedMonthlySavings: number;
  readonly noData: number;
  readonly unpriced: readonly Unpriced[];
  readonly lookbackDays: number;
  readonly cpuThresholdPct: number;
  readonly priceTableDate: string;
  /** This destination's weekly ownership digest: unassigned resources, untagged spend, realized savings. */
  readonly digest?: IdleDigest;
}

/** Items listed one by one per rule in Slack; the rest of the rule is one line. */
export const TOP_PER_RULE = 5;
/** The fallback text's cap: far inside Slack's 40,000 characters, and all a notification shows anyway. */
export const FALLBACK_MAX = 3000;
/** Items per rule in the SNS body, before the byte cap shrinks it. */
export const SNS_PER_RULE = 40;
/** SNS rejects messages over 256 KB; keep a margin for the envelope. */
export const SNS_MAX_BYTES = SNS_BODY_MAX_BYTES;

const headline = (findings: readonly Finding[]) => `${countOf(findings.length, 'finding')}, about ${money(sumCost(findings))}/month`;
const isFollowUp = (alerts: readonly IdleAlert[], ctx: IdleMessageContext) => alerts.length < ctx.totalFindings;
const weekTotal = (ctx: IdleMessageContext) =>
  `This week in total: ${countOf(ctx.totalFindings, 'finding')}, about ${money(ctx.estimatedMonthlySavings)}/month.`;
const where = (e: { account?: string | null; region: string }) => (e.account ? `${e.account}/${e.region}` : e.region);

/** Regions that failed are not "scanned": "19 of 20 regions" (each failure is listed under "Not scanned"). */
function scannedText(ctx: IdleMessageContext): string {
  const failed = new Set(ctx.regionErrors.filter((e) => !('account' in e) || !e.account).map((e) => e.region)).size;
  if (!failed) return countOf(ctx.regions.length, 'region');
  return `${ctx.regions.length - failed} of ${countOf(ctx.regions.length, 'region')}`;
}

function problems(ctx: IdleMessageContext, esc: (t: string) => string): string[] {
  const lines: string[] = [];
  const accounts = ctx.accountErrors ?? [];
  const named = (e: { account: string; name?: string }) => (e.name && e.name !== e.account ? `${e.account} (${esc(e.name)})` : e.account);
  if (accounts.length)
    lines.push(`Not scanned: ${accounts.map((e) => `account ${named(e)}, every region (${esc(e.message)})`).join('; ')}`);
  if (ctx.regionErrors.length) lines.push(`Not scanned: ${ctx.regionErrors.map((e) => `${where(e)} (${esc(e.message)})`).join('; ')}`);
  if (ctx.ruleErrors.length)
    lines.push(`Not checked: ${ctx.ruleErrors.map((e) => `${e.rule} in ${where(e)} (${esc(e.message)})`).join('; ')}`);
  const unlisted = ctx.digest && unlistedLine(ctx.digest, esc);
  if (unlisted) lines.push(unlisted);
  return lines;
}

function unpricedLine(ctx: IdleMessageContext, esc: (t: string) => string): string | undefined {
  if (!ctx.unpriced.length) return undefined;
  return (
    `No bundled price for: ${ctx.unpriced.map((u) => `${esc(u.type)} in ${u.region} ×${u.count}`).join(', ')} (not counted in ` +
    `the total)`
  );
}

/** A rule's block: its headline and action, its costliest items, and the rest in one line; clipped to Slack's section limit. */
function groupSection(g: RuleGroup): string {
  const lines = [`*${escapeMrkdwn(groupHeadline(g))}* · _${g.action}_`];
  const budget = SLACK_LIMITS.sectionText - 200;
  let shown = 0;
  for (const f of g.findings.slice(0, TOP_PER_RULE)) {
    const line = `• ${itemLine(f, escapeMrkdwn, (t) => `*${t}*`, slackCode)}`;
    if (lines.join('\n').length + line.length > budget) break;
    lines.push(line);
    shown++;
  }
  const rest = restLine(g.findings.slice(shown));
  if (rest) lines.push(rest);
  return lines.join('\n');
}

export function idleSlackMessage(alerts: readonly IdleAlert[], ctx: IdleMessageContext): SlackMessage {
  const findings = alerts.map((a) => a.finding);
  const groups = groupByRule(findings);
  const followUp = isFollowUp(alerts, ctx);
  const title = `${followUp ? 'New idle' : 'Idle'} AWS resources, week of ${ctx.weekStart}`;
  const blocks: KnownBlock[] = [header(`:money_with_wings: ${title}`)];
  blocks.push(section(`*${headline(findings)}* could be saved across ${scannedText(ctx)}.${followUp ? `\n${weekTotal(ctx)}` : ''}`));
  // Nine rules at most: one section each stays far inside the 50-block cap.
  for (const g of groups) blocks.push(section(groupSection(g)));
  for (const d of ctx.digest ? digestSections(ctx.digest, escapeMrkdwn) : []) blocks.push(section(d));
  for (const p of problems(ctx, escapeMrkdwn)) blocks.push(section(`:warning: ${p}`));
  const notes = [
    `Idle instance: avg CPU below ${ctx.cpuThresholdPct}% over the ${ctx.lookbackDays} days to ${ctx.date};` +
      ` ${countOf(ctx.noData, 'instance')} without CPU data not counted.`,
    `On-demand estimates × 730 h, price table ${ctx.priceTableDate}. Every finding is in the findings JSON and \`--json\`.`,
  ];
  const unpriced = unpricedLine(ctx, escapeMrkdwn);
  if (unpriced) notes.push(unpriced);
  blocks.push(context(...notes));

  const text = [
    `${title}: ${headline(findings)}.`,
    ...(followUp ? [weekTotal(ctx)] : []),
    `${groups.map((g) => `${escapePlain(groupHeadline(g))} (top: ${itemLine(g.findings[0]!, escapePlain, (t) => t)})`).join('; ')}.`,
    ...(ctx.digest ? digestSummary(ctx.digest, escapePlain) : []),
    ...problems(ctx, escapePlain).map((p) => `${p}.`),
  ].join(' ');
  // Notifications show only the start of the fallback; errors listed per scope could make it huge in a large organization.
  return { text: clip(text, FALLBACK_MAX, '… (see findings)'), blocks };
}

function snsBody(groups: readonly RuleGroup[], perRule: number, alerts: readonly IdleAlert[], ctx: IdleMessageContext): string {
  const plain = oneLine;
  const findings = alerts.map((a) => a.finding);
  return [
    `cost-watch found ${headline(findings)} for the week of ${ctx.weekStart} (run ${ctx.date}; ${scannedText(ctx)} scanned).`,
    ...(isFollowUp(alerts, ctx) ? [weekTotal(ctx)] : []),
    ...groups.flatMap((g) => [
      '',
      `${groupHeadline(g)}. ${g.action}.`,
      ...g.findings.slice(0, perRule).map((f) => `- ${itemLine(f, plain, plain)}`),
      ...[restLine(g.findings.slice(perRule))].filter((l): l is string => l !== undefined).map((l) => `- ${l}`),
    ]),
    ...(ctx.digest ? digestSnsLines(ctx.digest, perRule, plain) : []),
    '',
    ...[...problems(ctx, plain), unpricedLine(ctx, plain)].filter((l): l is string => l !== undefined),
    `Idle instance means average CPU below ${ctx.cpuThresholdPct}% over the ${ctx.lookbackDays} days to ${ctx.date};` +
      ` ${countOf(ctx.noData, 'instance')} had no CPU data and ${agree(ctx.noData, 'is', 'are')} not counted.`,
    `Costs are on-demand estimates × 730 hours from the bundled price table (${ctx.priceTableDate}); every finding is in the ` +
      `findings JSON.`,
  ].join('\n');
}

export function idleSnsMessage(alerts: readonly IdleAlert[], ctx: IdleMessageContext): SnsMessage {
  const groups = groupByRule(alerts.map((a) => a.finding));
  const subject = `[warning] ${isFollowUp(alerts, ctx) ? 'New idle' : 'Idle'} AWS resources: ${headline(alerts.map((a) => a.finding))}`;
  // Fewer items per rule until the body fits SNS's 256 KB (names can be 256 characters each).
  let perRule = SNS_PER_RULE;
  let body = snsBody(groups, perRule, alerts, ctx);
  while (Buffer.byteLength(body) > SNS_MAX_BYTES && perRule > 0) body = snsBody(groups, (perRule = Math.floor(perRule / 2)), alerts, ctx);
  body = clipBytes(body, SNS_MAX_BYTES, '\n… (clipped: see findings)');
  return { subject, body, attributes: { job: 'idle-resources', severity: 'warning' } };
}
