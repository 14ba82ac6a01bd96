import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { explainAwsError } from '../aws/errors.js';
import { clipBytes } from '../text/clip.js';
import { SNS_BODY_MAX_BYTES, SNS_PUBLISH_TIMEOUT_MS } from './limits.js';

export interface SnsMessage {
  readonly subject: string;
  readonly body: string;
  readonly attributes: { readonly job: string; readonly severity: string };
}

/** SNS rejects subjects of 100 characters or more, and any line break in them. */
export function snsSubject(text: string): string {
  const oneLine = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  return oneLine.length < 100 ? oneLine : `${oneLine.slice(0, 96)}...`;
}

export async function publishSns(sns: SNSClient, topicArn: string, message: SnsMessage): Promise<void> {
  await sns
    .send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: snsSubject(message.subject),
        // A safety net: every job bounds its own body and says what it left out.
        Message: clipBytes(message.body, SNS_BODY_MAX_BYTES),
        MessageAttributes: {
          job: { DataType: 'String', StringValue: message.attributes.job },
          severity: { DataType: 'String', StringValue: message.attributes.severity },
        },
      }),
      // Bounds how long a live run can hold its SNS claims (see STALE_CLAIM_SECONDS).
      { abortSignal: AbortSignal.timeout(SNS_PUBLISH_TIMEOUT_MS) },
    )
    .catch((err: unknown) => {
      throw explainAwsError(err, `SNS Publish to ${topicArn}`, 'sns:Publish');
    });
}
