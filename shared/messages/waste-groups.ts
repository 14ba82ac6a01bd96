import { WASTE_RULES } from '../detect/waste/registry.js';
import { formatMoney } from '../format.js';
import { escapePlain } from '../notify/escape.js';
import type { Finding } from '../waste/types.js';

/** Findings of one rule in a message, most expensive first. */
export interface RuleGroup {
  readonly rule: string;
  readonly title: string;
  readonly action: string;
  readonly findings: Finding[];
  /** Sum of the priced findings. */
  readonly monthly: number;
}

const CURRENCY = 'USD';
export const money = (n: number) => formatMoney(n, CURRENCY);
export const cost = (c: number | null) => (c === null ? 'price unknown' : `${money(c)}/month`);
export const sumCost = (list: readonly { estimatedMonthlyCost: number | null }[]) =>
  list.reduce((s, f) => s + (f.estimatedMonthlyCost ?? 0), 0);

/** Groups in registry order of the rules that found something, costliest group first. */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const sorted = [...findings].sort((a, b) => (b.estimatedMonthlyCost ?? -1) - (a.estimatedMonthlyCost ?? -1) || a.id.localeCompare(b.id));
  return WASTE_RULES.map((r) => {
    const mine = sorted.filter((f) => f.rule === r.name);
    return { rule: r.name, title: r.title, action: r.action, findings: mine, monthly: sumCost(mine) };
  })
    .filter((g) => g.findings.length)
    .sort((a, b) => b.monthly - a.monthly);
}

/** "Idle instances: 12 · $840.96/month" (the title first: no singular/plural to get wrong). */
export const groupHeadline = (g: RuleGroup) =>
  `${g.title.charAt(0).toUpperCase()}${g.title.slice(1)}: ${g.findings.length} · ${money(g.monthly)}/month`;

/** What a rest line says; the same words in Slack and SNS so readers can search for them. */
export function restLine(rest: readonly Finding[]): string | undefined {
  return rest.length ? `…and ${rest.length} more (${money(sumCost(rest))}/month): see findings` : undefined;
}

/**
 * One item line; `esc` escapes what AWS named, `code` sets the id apart (Slack
 * code span: an ARN's `:aws:` must not render as an emoji, and stays copyable); without `code` the id is escaped as text.
 */
export function itemLine(f: Finding, esc: (t: string) => string, bold: (t: string) => string, code: (t: string) => string = esc): string {
  const name = f.name ? ` ${bold(esc(f.name))}` : '';
  const where = f.account ? `${f.account}/${f.region}` : f.region;
  return `${code(f.id)}${name} · ${esc(f.detail)} · ${where} · ${cost(f.estimatedMonthlyCost)}`;
}

/**
 * A Slack code span. Ids are AWS-made ([A-Za-z0-9:/._-]), but an ARN carries a
 * resource's name: & < > are still entities inside code (Slack parses `<!channel>` there too).
 */
export const slackCode = (t: string) => `\`${escapePlain(t).replace(/`/g, "'")}\``;
