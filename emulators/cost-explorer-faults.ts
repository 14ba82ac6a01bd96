import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from './http.js';
import type { CostExplorerFault } from './cost-explorer-model.js';

const JSON_11 = 'application/x-amz-json-1.1';

// Cost Explorer answers its client errors, throttling included, with 400: the SDK classifies
// throttling by error code (ThrottlingException, LimitExceededException), not by status.
const STATUS_BY_TYPE: Record<string, number> = {
  InternalServerError: 500,
  InternalFailure: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
};

export const DEFAULT_MESSAGES: Record<string, string> = {
  ThrottlingException: 'Rate exceeded',
  LimitExceededException: 'You have exceeded the rate limit.',
  AccessDeniedException: 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: ce:GetCostAndUsage',
};

/** Answers a fault in the AWS JSON protocol, as Cost Explorer does. */
export function awsError(res: ServerResponse, fault: CostExplorerFault): void {
  sendJson(
    res,
    STATUS_BY_TYPE[fault.type] ?? 400,
    { __type: fault.type, message: fault.message },
    {
      'content-type': JSON_11,
      'x-amzn-requestid': randomUUID(),
    },
  );
}
