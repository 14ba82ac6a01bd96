/**
 * Every size and time limit a delivery must respect, in one place so that no
 * message builder, notifier or ledger call can drift past one of them.
 */

/** Slack's Block Kit limits (characters, UTF-16 units as Slack counts them). */
export const SLACK_LIMITS = { sectionText: 3000, headerText: 150, fields: 10, fieldText: 2000, blocks: 50, contextElements: 10 } as const;

/**
 * Slack truncates or rejects (`msg_too_long`) a `text` over 40,000 characters;
 * a margin keeps the "…and N more" note and the escaping inside it.
 */
export const SLACK_TEXT_MAX_CHARS = 39_000;

/** SNS rejects a message over 256 KB (262,144 bytes, UTF-8); the margin covers the subject and attributes. */
export const SNS_BODY_MAX_BYTES = 250_000;

/** One listed item (a spike, a budget, a resource) never takes more than this in any text. */
export const ITEM_LINE_MAX_CHARS = 1_000;

/**
 * The time one run may spend on Slack, all calls together (token included,
 * retries and Retry-After waits included). Well under the shortest function
 * timeout (2 minutes) so that a slow Slack can never get the run killed while
 * it holds claims. @see SLACK_ATTEMPT_TIMEOUT_MS
 */
export const SLACK_RUN_BUDGET_MS = 45_000;

/** One Slack HTTP attempt; a shorter remaining budget shortens it. */
export const SLACK_ATTEMPT_TIMEOUT_MS = 10_000;

/** One SNS Publish, SDK retries included. */
export const SNS_PUBLISH_TIMEOUT_MS = 20_000;

export { ERROR_TEXT_MAX_CHARS, LEDGER_ID_ATTRIBUTE_MAX_CHARS, STALE_CLAIM_SECONDS } from '../ledger/limits.js';
