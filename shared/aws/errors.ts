import { AwsAccessError } from '../errors.js';

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

/**
 * Turns an SDK failure into a message a person can act on: which call, which
 * permission is missing. Anything that is not a permission problem passes through.
 */
export function explainAwsError(err: unknown, operation: string, permission: string): Error {
  const e = err as SdkError;
  if (isAccessDenied(err))
    return new AwsAccessError(
      `${operation} was denied (${e.name}): the caller needs the IAM permission ${permission}. AWS said: ${e.message ?? 'no message'}`,
      operation,
      { cause: err },
    );
  return err instanceof Error ? err : new Error(String(err));
}

export function errorMessage(err: unknown): string {
  const e = err as SdkError;
  if (e?.name && e.name !== 'Error' && e.message && !e.message.startsWith(e.name)) return `${e.name}: ${e.message}`;
  return e?.message ?? String(err);
}
