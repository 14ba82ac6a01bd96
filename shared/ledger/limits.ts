/**
 * A `pending` claim older than this is presumed abandoned (its run was killed
 * or timed out mid-send) and may be taken again. A live run holds a claim at
 * most the Slack budget (45 s) or the SNS timeout (20 s) plus its ledger
 * writes (~15 s): 3 minutes leaves twice that as margin. It is also shorter
 * than the 3 minutes Lambda waits before its second async retry (1 + 2), so a
 * run killed mid-send is completed by Lambda's own retry, not a day later.
 */
export const STALE_CLAIM_SECONDS = 180;

/** DynamoDB keys are at most 2,048 bytes; alert ids are hashed into the key, and kept readable (clipped) beside it. */
export const LEDGER_ID_ATTRIBUTE_MAX_CHARS = 2_000;

/** Error texts kept in the ledger and in results. */
export const ERROR_TEXT_MAX_CHARS = 1_000;
