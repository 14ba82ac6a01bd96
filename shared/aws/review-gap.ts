import type { ReviewGap } from '../review/types.js';
import { errorMessage, isAccessDenied } from './errors.js';

/**
 * A review part Cost Explorer would not answer. Unlike GetCostAndUsage, these
 * never stop the report: finance still gets everything else, and the part
 * says why it is missing (denied, not enabled, failing).
 */
export function reviewGap(err: unknown, part: ReviewGap['part'], operation: string): ReviewGap {
  const said = errorMessage(err);
  let message: string;
  if (/opt-in|opt in|not enabled|enable this feature/i.test(said))
    message = `not enabled: turn it on in the Cost Explorer preferences of the management (payer) account. AWS said: ${said}`;
  else if (isAccessDenied(err)) message = `denied: the caller needs the IAM permission ce:${operation}. AWS said: ${said}`;
  else message = `Cost Explorer ${operation} failed: ${said}`;
  return { part, operation, message };
}

/** AWS answers DataUnavailableException when the account has no commitment of that kind. */
export const isDataUnavailable = (err: unknown) => (err as { name?: string })?.name === 'DataUnavailableException';

/**
 * A savings lever AWS would not answer: only that lever becomes a gap. Cost
 * Explorer operations read as the review's other parts do; other services
 * (S3, EC2, RDS, CloudWatch, Cost Optimization Hub) name their permission.
 */
export function leverGap(err: unknown, part: ReviewGap['part'], operation: string, permission: string): ReviewGap {
  if (permission.startsWith('ce:')) return reviewGap(err, part, operation);
  const said = errorMessage(err);
  const message =
    isAccessDenied(err) && !said.includes(permission)
      ? `denied: the caller needs the IAM permission ${permission}. AWS said: ${said}`
      : said;
  return { part, operation, message };
}
