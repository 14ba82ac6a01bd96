import type { IsoDate } from '../time/dates.js';

/** One time bucket of Cost Explorer's answer, as the rules read it. */
export interface CostBucket {
  /** First day of the bucket (a day for DAILY, the 1st for MONTHLY). */
  readonly start: IsoDate;
  readonly estimated: boolean;
  /** Amount by group key (joined with '|' when grouped twice); '' when ungrouped. */
  readonly groups: Map<string, number>;
}
