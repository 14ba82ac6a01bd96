/**
 * One error family for cost-watch. The CLI maps each class to an exit code,
 * so callers throw the class that says what went wrong rather than a bare Error.
 */
export abstract class CostWatchError extends Error {
  abstract readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad CLI usage or an invalid config file: exit 2, nothing sent or written. */
export class UsageError extends CostWatchError {
  readonly exitCode = 2;
}

/** Config failed validation; `issues` carries every key path that is wrong. */
export class ConfigError extends UsageError {
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

/** An AWS call failed in a way the user must act on (permissions, region). */
export class AwsAccessError extends CostWatchError {
  readonly exitCode = 1;
  constructor(
    message: string,
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A job ran but a notification could not be delivered after retries: exit 3. */
export class DeliveryError extends CostWatchError {
  readonly exitCode = 3;
}

/** Exit code for any error: our own classes carry theirs, anything else is 1. */
export function exitCodeOf(err: unknown): number {
  return err instanceof CostWatchError ? err.exitCode : 1;
}
