import { SLACK_RUN_BUDGET_MS } from './limits.js';

/**
 * Time a run may spend on one kind of call, all calls together. The clock
 * starts at the first call, so time spent reading Cost Explorer is not counted.
 */
export class TimeBudget {
  private deadline: number | undefined;

  constructor(
    readonly totalMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Starts the clock on first use; the milliseconds left, never below 0. */
  remaining(): number {
    this.deadline ??= this.clock() + this.totalMs;
    return Math.max(0, this.deadline - this.clock());
  }
}

/** A run's Slack budget: SLACK_RUN_BUDGET_MS, or COST_WATCH_SLACK_BUDGET_MS (tests, or a longer-lived CLI run). */
export function runSlackBudget(env: NodeJS.ProcessEnv = process.env): TimeBudget {
  const ms = Number(env.COST_WATCH_SLACK_BUDGET_MS);
  return new TimeBudget(Number.isFinite(ms) && ms > 0 ? ms : SLACK_RUN_BUDGET_MS);
}
