import { AwsAccessError, CostWatchError, ERROR_CODES } from '../errors.js';

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnrecognizedClientException', 'AuthFailure']);

export function isAccessDenied(err: unknown): boolean {
  const e = err as SdkError;
  return DENIED.has(e?.name ?? '') || e?.$metadata?.httpStatusCode === 403;
}

/** Throttling and "try again" answers: transient, the SDK already retried them. */
const TRANSIENT =
  /Throttl|TooManyRequests|RequestLimitExceeded|LimitExceeded|DataUnavailable|ServiceUnavailable|InternalServerError|InternalFailure/;

/**
 * Turns an SDK failure into a message a person can act on: which call, which
 * permission is missing, or what else to do. The SDK's error class name never
 * leads the message: it ends up in Slack and SNS text.
 */
export function explainAwsError(err: unknown, operation: string, permission: string): Error {
  const e = err as SdkError & { code?: string };
  const said = e?.message ?? 'no message';
  // Cost Explorer answers AccessDenied both for a missing permission and for an account that never enabled it.
  if (/not enabled for cost explorer/i.test(said))
    return new AwsAccessError(
      `${operation}: Cost Explorer is not enabled for this account. Enable it once in the Billing and Cost Management console ` +
        `(Cost Explorer, "Launch Cost Explorer"); data appears within about 24 hours. This is not an IAM permission problem.`,
      operation,
      { cause: err },
    );
  // EC2 answers AuthFailure in an opt-in region the account has not enabled, whatever the permissions.
  if (e?.name === 'AuthFailure')
    return new AwsAccessError(
      `${operation}: AWS did not accept the credentials there. If that region is an opt-in region not enabled for this account,` +
        ` enable it (Account settings, AWS Regions) or leave it out of the config; otherwise check the credentials. AWS ` +
        `said: ${said}`,
      operation,
      { cause: err },
    );
  if (isAccessDenied(err))
    return new AwsAccessError(`${operation} was denied: the caller needs the IAM permission ${permission}. AWS said: ${said}`, operation, {
      cause: err,
    });
  if (e?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(said))
    return new AwsCallError(
      `${operation}: connection refused (is the endpoint reachable? AWS_ENDPOINT_URL and service variables change it)`,
      { cause: err },
    );
  // "Secrets Manager can't find the specified secret." names neither the secret nor the call: the operation does.
  if (/NotFound/.test(e?.name ?? '')) return new AwsCallError(`${operation}: not found: ${said}`, { cause: err });
  if (TRANSIENT.test(e?.name ?? ''))
    return new AwsCallError(
      `${operation} failed after retries ` +
        `(${/DataUnavailable/.test(e?.name ?? '') ? 'data not available yet' : 'AWS is throttling or unavailable'}): ${said}`,
      { cause: err },
    );
  return err instanceof Error ? err : new Error(String(err));
}

/** A call that failed for a reason the user cannot fix with a permission: it names the service and call. */
export class AwsCallError extends CostWatchError {
  readonly code = ERROR_CODES.awsCall;
}

export function errorMessage(err: unknown): string {
  const e = err as SdkError;
  // Our own errors already say what happened; SDK class names help only on SDK errors.
  if (err instanceof CostWatchError) return err.message;
  if (e?.name && e.name !== 'Error' && e.message && !e.message.startsWith(e.name)) return `${e.name}: ${e.message}`;
  return e?.message ?? String(err);
}
