import type { AlertSubject } from '../notify/types.js';

/**
 * The ledger item of a subject's mute. Whatever the alert's period or
 * severity, the same (job, scope, account, key) maps to the same item.
 */
export const muteKey = (s: AlertSubject) => `mute|${s.job}|${s.scope}|${s.account ?? '-'}|${s.key}`;

/** How long a mute may last, in days (CLI --days and the Slack button). */
export const MUTE_DAYS = { min: 1, max: 90, default: 7 } as const;

export const muteUntil = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
