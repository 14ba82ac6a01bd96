import type { Scope } from '../aws/scopes.js';
import type { OwnerTags } from '../detect/ownership/types.js';
import type { ScopeOwnership } from './ownership-scan.js';
import type { Facts } from '../detect/waste/types.js';

/** One (account, region) to scan: shared/aws/scopes.ts `Scope`. */
export type WasteScope = Scope;

/** A finding as the result JSON carries it (contract: rule, account, region, id, resourceType, detail, estimatedMonthlyCost, action). */
export interface Finding {
  readonly rule: string;
  readonly account: string | null;
  readonly region: string;
  readonly id: string;
  readonly resourceType: string;
  readonly name?: string;
  readonly detail: string;
  readonly estimatedMonthlyCost: number | null;
  readonly action: string;
  readonly facts: Facts;
  /** The `ownership.tags` keys its resource carries, with their values: `tags.team` routes it to that team (absent in older files). */
  readonly tags?: OwnerTags;
}

/** A rule that could not run in a scope (its listing or its metrics failed); the other rules still ran. */
export interface RuleError {
  readonly account: string | null;
  readonly region: string;
  readonly rule: string;
  readonly message: string;
}

export interface Unpriced {
  readonly rule: string;
  readonly region: string;
  readonly type: string;
  readonly count: number;
}

export interface RuleSummary {
  readonly rule: string;
  readonly findings: number;
  readonly noData: number;
}

/** What scanning one scope gives; merged across scopes by mergeScopeScans. */
export interface ScopeScan {
  readonly scope: WasteScope;
  readonly findings: Finding[];
  readonly ruleErrors: RuleError[];
  /** AWS requests by operation (lowerCamel: describeInstances, getMetricData, …), pages included. */
  readonly requests: Record<string, number>;
  readonly runningInstances: number;
  /** Resources tagged exempt. */
  readonly exempt: number;
  /** Running instances without CPU data (part 1's noData). */
  readonly noData: number;
  readonly unpriced: Unpriced[];
  readonly byRule: RuleSummary[];
  /** Resources exempt now (exemptTag): a previous finding of theirs that vanished was not a saving. */
  readonly exemptIds?: string[];
  /** Resources priced inside another finding now (a stopped instance's volumes): still paid for, not saved. */
  readonly coveredIds?: string[];
  /** Unassigned resources (when `ownership` was asked for), or why the scope's Tagging API listing failed. */
  readonly ownership?: ScopeOwnership;
}
