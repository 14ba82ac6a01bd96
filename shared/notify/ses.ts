import { SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { errorMessage, explainAwsError } from '../aws/errors.js';
import { AwsAccessError } from '../errors.js';
import type { Alert } from '../alerts/alert.js';
import type { Channel } from './types.js';

/** One composed MIME message and its envelope. */
export interface RawEmail {
  readonly from: string;
  readonly to: readonly string[];
  /** The whole message (headers, parts, attachments), as SES sends it. */
  readonly raw: Uint8Array;
}

/** SES refuses a raw message over 10 MB; saying so before sending names the cause. */
export const SES_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** SES says `MessageRejected: Email address not verified ...`; ops need to know what to do about it. */
const VERIFY_HINT =
  'verify the sender address or its domain in SES in that region (README "Finance email"); while the account is in the SES ' +
  'sandbox, verify every recipient too';

export async function sendRawEmail(ses: SESClient, email: RawEmail, region: string): Promise<string | undefined> {
  const where = `SES SendRawEmail from ${email.from} in ${region}`;
  if (email.raw.byteLength > SES_MAX_MESSAGE_BYTES)
    throw new Error(`${where}: the message is ${email.raw.byteLength} bytes, over SES's limit of ${SES_MAX_MESSAGE_BYTES}`);
  try {
    const out = await ses.send(
      new SendRawEmailCommand({ Source: email.from, Destinations: [...email.to], RawMessage: { Data: email.raw } }),
    );
    return out.MessageId;
  } catch (err) {
    const explained = explainAwsError(err, where, 'ses:SendRawEmail');
    if (explained instanceof AwsAccessError) throw explained;
    const rejected = (err as { name?: string }).name === 'MessageRejected';
    throw new Error(`${where} failed: ${errorMessage(err)}${rejected ? `; ${VERIFY_HINT}` : ''}`, { cause: err });
  }
}

export interface SesChannelOptions {
  readonly from: string;
  readonly to: readonly string[];
  /** The region to send from (config's, else the region the job runs in). */
  readonly region: string;
}

/**
 * The SES channel: one message per run, whatever the number of alerts (the
 * monthly report has one). `compose` runs only when there is something to send.
 */
export function sesChannel<A extends Alert>(
  ses: (region: string) => SESClient,
  o: SesChannelOptions,
  compose: (alerts: readonly A[]) => Uint8Array | Promise<Uint8Array>,
): Channel<A> {
  const region = o.region;
  return {
    name: 'ses',
    // Deliveries show who got the email; the ledger key stays the channel name (one email a month, whoever it went to).
    destination: o.to.join(', '),
    async send(alerts) {
      await sendRawEmail(ses(region), { from: o.from, to: o.to, raw: await compose(alerts) }, region);
    },
  };
}
