import type { UntaggedSpend } from '../detect/ownership/types.js';
import { countOf, formatPercent } from '../format.js';
import { SLACK_LIMITS } from '../notify/limits.js';
import { clip } from '../text/clip.js';
import { money, slackCode } from './waste-groups.js';

/**
 * The weekly ownership digest of one destination, as its message shows it:
 * which of its resources nobody fully owns, how much spend carries no team
 * tag, and what last week's findings saved once people acted on them.
 */
export interface IdleDigest {
  /** `ownership.tags`: the keys every resource should carry; the first names its team. */
  readonly tagKeys: readonly string[];
  /** This destination's unassigned resources, in the order shown (costliest first, then account, region, type). */
  readonly unassigned: readonly DigestResource[];
  /** Scopes whose tag listing failed: their unassigned resources are unknown. */
  readonly unlisted: readonly { readonly account?: string; readonly region: string; readonly message: string }[];
  /** The untagged share this destination sees (the whole scope's; per account in an organization); null when not measured. */
  readonly spend: UntaggedSpend | null;
  /** What findings of the previous run this destination no longer has cost a month; null on the first run. */
  readonly saved: { readonly monthly: number; readonly resolved: number; readonly since: string } | null;
}

export interface DigestResource {
  readonly account: string | null;
  readonly region: string;
  readonly arn: string;
  readonly resourceType: string;
  readonly missing: readonly string[];
  /** Its estimated monthly cost when a finding prices it; null otherwise. */
  readonly estimatedMonthlyCost: number | null;
}

/** Unassigned resources listed one by one in Slack; the rest is one "…and N more" line. */
export const TOP_UNASSIGNED = 10;
/** Accounts listed one by one under the untagged share in Slack. */
export const TOP_SPEND_ACCOUNTS = 10;

/** An ARN can be 2,048 characters: a message shows its start, the result carries it whole. */
const ARN_MAX = 300;

type Esc = (t: string) => string;
const where = (x: { account?: string | null; region: string }) => (x.account ? `${x.account}/${x.region}` : x.region);
const keysText = (keys: readonly string[], esc: Esc) => keys.map((k) => `"${esc(k)}"`).join(' or ');
const moreResources = (n: number) => `…and ${countOf(n, 'more resource')}: see the result's unassigned.resources`;

export const unassignedHeadline = (d: IdleDigest, esc: Esc) =>
  `Unassigned resources: ${countOf(d.unassigned.length, 'resource')} missing a ${keysText(d.tagKeys, esc)} tag`;

/** One resource: its ARN (a Slack code span, or escaped text), type, where, what it lacks and its cost when known. */
export function resourceLine(r: DigestResource, esc: Esc, code: Esc = esc): string {
  const cost = r.estimatedMonthlyCost === null ? '' : ` · ${money(r.estimatedMonthlyCost)}/month`;
  return `${code(clip(r.arn, ARN_MAX))} · ${esc(r.resourceType)} · ${where(r)} · missing ${r.missing.map(esc).join(', ')}${cost}`;
}

/** The untagged share in one sentence, or why it is unknown. */
export function spendLine(s: UntaggedSpend, esc: Esc): string {
  const key = `"${esc(s.tagKey)}"`;
  if (s.activated === false)
    return `Untagged spend: unknown. The ${key} tag is not activated as a cost allocation tag (Billing console, Cost allocation tags).`;
  if (s.amount === null || s.total === null) return `Untagged spend: unknown (${esc(s.message ?? 'Cost Explorer did not answer')}).`;
  return (
    `Untagged spend: ${formatPercent(s.sharePct)} of spend, ${money(s.amount)} of ${money(s.total)}, had no ${key} tag ` +
    `in the 7 days ${s.window.start} to ${s.window.end}.`
  );
}

/** Per account in an organization, the largest untagged share first. */
export function accountSpendLines(s: UntaggedSpend): string[] {
  if (s.activated !== true || s.amount === null || !s.byAccount?.length) return [];
  return [...s.byAccount]
    .sort((a, b) => (b.sharePct ?? -1) - (a.sharePct ?? -1) || a.account.localeCompare(b.account))
    .map((a) => `${a.account}: ${formatPercent(a.sharePct)} untagged (${money(a.amount)} of ${money(a.total)})`);
}

export const savedLine = (saved: NonNullable<IdleDigest['saved']>) =>
  `Saved ${money(saved.monthly)}/month since last week: ${countOf(saved.resolved, 'finding')} of the run of ${saved.since} ` +
  `${saved.resolved === 1 ? 'is' : 'are'} gone.`;

export const unlistedLine = (d: IdleDigest, esc: Esc) =>
  d.unlisted.length
    ? `Tags not listed (unassigned resources unknown there): ${d.unlisted.map((e) => `${where(e)} (${esc(e.message)})`).join('; ')}`
    : undefined;

/** The digest's Slack sections: each fits Slack's section limit, lists end with "…and N more". */
export function digestSections(d: IdleDigest, esc: Esc): string[] {
  const sections: string[] = [];
  if (d.unassigned.length) {
    const lines = [`*${unassignedHeadline(d, esc)}*`];
    // Room kept for the "…and N more" line: the section never reaches Slack's limit, however long the ARNs.
    const budget = SLACK_LIMITS.sectionText - 200;
    for (const r of d.unassigned.slice(0, TOP_UNASSIGNED)) {
      const line = `• ${resourceLine(r, esc, slackCode)}`;
      if (lines.join('\n').length + line.length + 1 > budget) break;
      lines.push(line);
    }
    const rest = d.unassigned.length - (lines.length - 1);
    sections.push([...lines, ...(rest > 0 ? [moreResources(rest)] : [])].join('\n'));
  }
  if (d.spend) {
    const accounts = accountSpendLines(d.spend);
    const items = accounts.slice(0, TOP_SPEND_ACCOUNTS).map((l) => `• ${l}`);
    const rest = accounts.length - items.length;
    const more = rest > 0 ? [`…and ${countOf(rest, 'more account')}: see the result's unassigned.spend.byAccount`] : [];
    sections.push([spendLine(d.spend, esc), ...items, ...more].join('\n'));
  }
  if (d.saved) sections.push(`:white_check_mark: *${savedLine(d.saved)}*`);
  return sections;
}

/** The digest in the fallback text: what a notification shows. */
export function digestSummary(d: IdleDigest, esc: Esc): string[] {
  return [
    ...(d.unassigned.length ? [`${unassignedHeadline(d, esc)} (first: ${resourceLine(d.unassigned[0]!, esc)}).`] : []),
    ...(d.spend ? [spendLine(d.spend, esc)] : []),
    ...(d.saved ? [savedLine(d.saved)] : []),
  ];
}

/** The digest in an SNS body: `perList` resources and accounts at most (the body's byte cap shrinks it). */
export function digestSnsLines(d: IdleDigest, perList: number, esc: Esc): string[] {
  const lines: string[] = [];
  if (d.unassigned.length) {
    lines.push('', `${unassignedHeadline(d, esc)}.`, ...d.unassigned.slice(0, perList).map((r) => `- ${resourceLine(r, esc)}`));
    if (d.unassigned.length > perList) lines.push(`- ${moreResources(d.unassigned.length - perList)}`);
  }
  if (d.spend) {
    const accounts = accountSpendLines(d.spend);
    lines.push('', spendLine(d.spend, esc), ...accounts.slice(0, perList).map((l) => `- ${l}`));
    if (accounts.length > perList) lines.push(`- …and ${countOf(accounts.length - perList, 'more account')}`);
  }
  if (d.saved) lines.push('', savedLine(d.saved));
  return lines;
}
