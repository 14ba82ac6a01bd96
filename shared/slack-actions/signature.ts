import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window: a request older or newer than this is refused, which bounds replays. */
export const MAX_SKEW_SECONDS = 300;

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

export interface SignedRequest {
  /** X-Slack-Request-Timestamp. */
  readonly timestamp: string | undefined;
  /** X-Slack-Signature, `v0=<hex>`. */
  readonly signature: string | undefined;
  /** The body exactly as received: any re-encoding breaks the signature. */
  readonly rawBody: Buffer;
}

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`: what Slack sends. */
export function slackSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

/**
 * Slack's v0 request signing. Runs before anything reads the body: the
 * timestamp must be within 5 minutes of now, either way, and the signature
 * is compared in constant time.
 */
export function verifySlackSignature(req: SignedRequest, secret: string, now: Date): SignatureVerdict {
  const { timestamp, signature } = req;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed X-Slack-Request-Timestamp' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: 'timestamp more than 5 minutes from now' };
  if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'missing or malformed X-Slack-Signature' };
  const expected = Buffer.from(slackSignature(secret, timestamp, req.rawBody), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // Both are `v0=` + 64 hex characters here, so the lengths match and timingSafeEqual cannot throw.
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
