/**
 * What the weekly ownership digest knows (idle-resources result `unassigned`
 * and `realizedSavings`): plain data, so the scan, the reduce step, messages,
 * routing and the monthly report all read the same shapes.
 */

/** A tag key's value per ownership key the resource carries: `{ team: "data" }` (it may still miss `env`). */
export type OwnerTags = Readonly<Record<string, string>>;

/** A resource missing at least one `ownership.tags` key (Resource Groups Tagging API GetResources, or the scan's own listings). */
export interface UnassignedResource {
  /** Null for the home account of a single-account config, as findings carry it. */
  readonly account: string | null;
  readonly region: string;
  readonly arn: string;
  /** `service:type` as the Tagging API names it: `ec2:instance`, `ec2:volume`, `s3:bucket`, `rds:db`, … */
  readonly resourceType: string;
  /** The ownership keys it lacks (no tag, or an empty value), in `ownership.tags` order. */
  readonly missing: string[];
  /** The ownership keys it does carry, with their values: `tags[ownership.tags[0]]` is its team when present. */
  readonly tags: OwnerTags;
}

/** The last 7 days' spend without a value for the first ownership key, for one account of an organization. */
export interface AccountUntaggedSpend {
  readonly account: string;
  readonly amount: number;
  readonly total: number;
  /** Null when the account spent nothing. */
  readonly sharePct: number | null;
}

/** Untagged spend: one Cost Explorer GetCostAndUsage request grouped by the first ownership key. */
export interface UntaggedSpend {
  /** The first ownership key: the one Cost Explorer groups by. */
  readonly tagKey: string;
  /** The 7 days ending on the run date, both inclusive. */
  readonly window: { readonly start: string; readonly end: string };
  /** Spend with no value for `tagKey`; null when not known (tag not activated, or Cost Explorer failed). */
  readonly amount: number | null;
  /** amount / total × 100; null when not known or nothing was spent. */
  readonly sharePct: number | null;
  /** All spend of the window (the chosen accounts in an organization); null when Cost Explorer failed. */
  readonly total: number | null;
  /**
   * False when Cost Explorer answered spend but no value of `tagKey` at all: AWS then puts every cost under
   * `<key>$`, the sign of a tag not activated as a cost allocation tag. The share is then unknown, not 100 %.
   * Null when Cost Explorer could not be read.
   */
  readonly activated: boolean | null;
  /** Why amount and sharePct are null, in words. */
  readonly message?: string;
  /** Organization: per chosen account, from the same request (grouped by LINKED_ACCOUNT too). */
  readonly byAccount?: AccountUntaggedSpend[];
}

/** A scope whose Tagging API listing failed: its unassigned resources are unknown and nothing is counted as saved there. */
export interface OwnershipScopeError {
  readonly account?: string;
  readonly region: string;
  readonly message: string;
}

export interface Unassigned {
  /** `ownership.tags`. */
  readonly tags: string[];
  /** Costliest scopes first is a message's job; here in scope order, then ARN. */
  readonly resources: UnassignedResource[];
  readonly spend: UntaggedSpend;
  /** Scopes whose listing failed (denied, throttled): named, never silently counted as fully tagged. */
  readonly scopeErrors: OwnershipScopeError[];
}

/** A finding of the previous run that is gone now: its resource was deleted, stopped being waste, or was fixed. */
export interface ResolvedFinding {
  readonly rule: string;
  readonly account: string | null;
  readonly region: string;
  readonly id: string;
  readonly estimatedMonthlyCost: number | null;
  /** The ownership tags the finding carried in the previous run: its saving is told to its team. */
  readonly tags?: OwnerTags;
}

export interface RealizedSavings {
  /** Most expensive first. */
  readonly resolved: ResolvedFinding[];
  /** Sum of the resolved findings' estimatedMonthlyCost ($/month). */
  readonly monthly: number;
  /** The findings file compared with; null on the first run (or without report.bucket). */
  readonly previousRun: { readonly date: string; readonly key: string } | null;
  /** Why nothing could be compared (the previous file unreadable, no report.bucket). */
  readonly message?: string;
}
