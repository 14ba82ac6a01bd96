import { roundCents } from '../../money.js';
import type { OwnerTags, ResolvedFinding } from './types.js';

/** A finding as both runs' files carry it. */
export interface ComparedFinding {
  readonly rule: string;
  readonly account: string | null;
  readonly region: string;
  readonly id: string;
  readonly estimatedMonthlyCost: number | null;
  /** Its ownership tags, so its saving is told to its team. */
  readonly tags?: OwnerTags;
}

/** What this run saw of one (account, region): only a scope fully scanned can show that waste went away. */
export interface ScannedScope {
  readonly account: string | null;
  readonly region: string;
  /** The rules that ran there without error this time. */
  readonly rules: readonly string[];
  /** Resources exempt now, or priced inside another finding now: still there, not saved. */
  readonly stillPaidIds: readonly string[];
}

const scopeKey = (x: { account: string | null; region: string }) => `${x.account ?? ''}|${x.region}`;

/**
 * Findings of the previous run that are gone now: the resource is no longer
 * a finding of any rule in its scope, the scope was scanned and its rule ran
 * there this time, and it is neither exempt now nor priced inside another
 * finding. A scope not scanned this time never counts as saved.
 */
export function resolvedFindings(
  previous: readonly ComparedFinding[],
  current: readonly ComparedFinding[],
  scanned: readonly ScannedScope[],
): ResolvedFinding[] {
  const scopes = new Map(scanned.map((s) => [scopeKey(s), { rules: new Set(s.rules), stillPaid: new Set(s.stillPaidIds) }]));
  const stillFound = new Set(current.map((f) => `${scopeKey(f)}|${f.id}`));
  const seen = new Set<string>();
  return previous
    .filter((p) => {
      const scope = scopes.get(scopeKey(p));
      const key = `${scopeKey(p)}|${p.id}`;
      if (!scope || !scope.rules.has(p.rule) || scope.stillPaid.has(p.id) || stillFound.has(key) || seen.has(`${p.rule}|${key}`))
        return false;
      seen.add(`${p.rule}|${key}`);
      return true;
    })
    .map((p) => ({
      rule: p.rule,
      account: p.account,
      region: p.region,
      id: p.id,
      estimatedMonthlyCost: p.estimatedMonthlyCost,
      ...(p.tags ? { tags: p.tags } : {}),
    }))
    .sort((a, b) => (b.estimatedMonthlyCost ?? -1) - (a.estimatedMonthlyCost ?? -1) || a.id.localeCompare(b.id));
}

/** $/month the resolved findings cost; unpriced ones add nothing. */
export const monthlyOf = (resolved: readonly ResolvedFinding[]) =>
  roundCents(resolved.reduce((n, r) => n + (r.estimatedMonthlyCost ?? 0), 0));
