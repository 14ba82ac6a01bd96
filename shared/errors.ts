/**
 * Stable codes, one per error class (as node-slack-sdk's `ErrorCode`): callers
 * and tests match `err.code`, never the message text, which may be reworded.
 */
export const ERROR_CODES = {
  usage: 'usage',
  config: 'config',
  awsAccess: 'aws_access',
  awsCall: 'aws_call',
  anomalies: 'anomalies',
  delivery: 'delivery',
  slackDelivery: 'slack_delivery',
  secretFormat: 'secret_format',
  scopeFailed: 'scope_failed',
  requestTooLarge: 'request_too_large',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * One error family for cost-watch. The CLI maps each class to an exit code,
 * so callers throw the class that says what went wrong rather than a bare Error.
 */
export abstract class CostWatchError extends Error {
  abstract readonly code: ErrorCode;
  /** 1 unless the class says otherwise. */
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad CLI usage or an invalid config file: exit 2, nothing sent or written. */
export class UsageError extends CostWatchError {
  readonly code: ErrorCode = ERROR_CODES.usage;
  override readonly exitCode = 2;
}

/** Config failed validation; `issues` carries every key path that is wrong. */
export class ConfigError extends UsageError {
  override readonly code = ERROR_CODES.config;
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

/** An AWS call failed in a way the user must act on (permissions, region). */
export class AwsAccessError extends CostWatchError {
  readonly code = ERROR_CODES.awsAccess;
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
  readonly code = ERROR_CODES.delivery;
  override readonly exitCode = 3;
}

/** Exit code for any error: our own classes carry theirs, anything else is 1. */
export function exitCodeOf(err: unknown): number {
  return err instanceof CostWatchError ? err.exitCode : 1;
}
