import { LISTING_NAMES, LISTINGS, type IamWhere } from './listings/index.js';
import { METRICS_IAM } from './metrics.js';
import { TAGGING_IAM } from './listings/tagged-resources.js';

/** One IAM statement the waste scan needs in every account it scans. */
export interface WasteRead {
  readonly actions: readonly string[];
  readonly resources: (where: IamWhere) => string[];
  readonly why: string;
}

/**
 * The scan's reads, from the listings themselves and the metric reads: the
 * table the idle-resources role and the member-account role are built from
 * (infra/constructs/read-permissions.ts). Listings that give the same reason
 * (a service's Describe* calls that accept only "*") share one statement.
 */
export function wasteReadPermissions(): WasteRead[] {
  const byWhy = new Map<string, { actions: string[]; resources: (where: IamWhere) => string[]; why: string }>();
  for (const iam of [...LISTING_NAMES.map((n) => LISTINGS[n].iam), METRICS_IAM, TAGGING_IAM]) {
    const same = byWhy.get(iam.why);
    if (same) same.actions.push(...iam.actions.filter((a) => !same.actions.includes(a)));
    else byWhy.set(iam.why, { actions: [...iam.actions], resources: iam.resources ?? (() => ['*']), why: iam.why });
  }
  return [...byWhy.values()];
}
