import { WASTE_RULES } from '../detect/waste/registry.js';
import { roundCents } from '../money.js';
import { legacyLists, type LegacyLists } from './legacy.js';
import type { Finding, RuleError, ScopeScan, Unpriced } from './types.js';

export interface RuleTotal {
  readonly rule: string;
  readonly title: string;
  readonly action: string;
  readonly findings: number;
  /** Sum of the priced findings. */
  readonly estimatedMonthlyCost: number;
  readonly unpriced: number;
  readonly noData: number;
}

/** `idleInstances` and `unattachedVolumes`: part 1's lists, from the findings of the rules that declare them (legacy.ts). */
export interface WasteTotals extends LegacyLists {
  /** Every finding of every rule and scope, most expensive first, unpriced last. */
  readonly findings: Finding[];
  /** Sum of every finding with a price. */
  readonly estimatedMonthlySavings: number;
  readonly noData: number;
  readonly exempt: number;
  readonly runningInstances: number;
  readonly unpriced: Unpriced[];
  readonly ruleErrors: RuleError[];
  readonly requests: Record<string, number>;
  /** One entry per rule that ran somewhere, in registry order. */
  readonly byRule: RuleTotal[];
}

/** Most expensive first; unknown prices last, so the top of a list is what to act on. */
export function byCost<T extends { id: string; estimatedMonthlyCost: number | null }>(a: T, b: T): number {
  return (b.estimatedMonthlyCost ?? -1) - (a.estimatedMonthlyCost ?? -1) || a.id.localeCompare(b.id);
}

/** Combines the scans of every scope; pure, so a reduce step (Lambda or in-process) can call it on stored scans. */
export function mergeScopeScans(scans: readonly ScopeScan[]): WasteTotals {
  const findings = scans.flatMap((s) => s.findings).sort(byCost);
  const sum = (f: (s: ScopeScan) => number) => scans.reduce((n, s) => n + f(s), 0);
  const requests: Record<string, number> = {};
  for (const s of scans) for (const [op, n] of Object.entries(s.requests)) requests[op] = (requests[op] ?? 0) + n;
  const ran = new Set(scans.flatMap((s) => s.byRule.map((r) => r.rule)));
  const byRule = WASTE_RULES.filter((r) => ran.has(r.name)).map((r): RuleTotal => {
    const mine = findings.filter((f) => f.rule === r.name);
    return {
      rule: r.name,
      title: r.title,
      action: r.action,
      findings: mine.length,
      estimatedMonthlyCost: roundCents(mine.reduce((n, f) => n + (f.estimatedMonthlyCost ?? 0), 0)),
      unpriced: mine.filter((f) => f.estimatedMonthlyCost === null).length,
      noData: sum((s) => s.byRule.find((b) => b.rule === r.name)?.noData ?? 0),
    };
  });
  return {
    findings,
    ...legacyLists(findings),
    estimatedMonthlySavings: roundCents(findings.reduce((n, f) => n + (f.estimatedMonthlyCost ?? 0), 0)),
    noData: sum((s) => s.noData),
    exempt: sum((s) => s.exempt),
    runningInstances: sum((s) => s.runningInstances),
    unpriced: scans.flatMap((s) => s.unpriced),
    ruleErrors: scans.flatMap((s) => s.ruleErrors),
    requests,
    byRule,
  };
}
