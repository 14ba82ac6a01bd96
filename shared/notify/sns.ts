import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { explainAwsError } from '../aws/errors.js';

export interface SnsMessage {
  readonly subject: string;
  readonly body: string;
  readonly attributes: { readonly job: string; readonly severity: string };
}

/** SNS rejects subjects of 100 characters or more, and any line break in them. */
export function snsSubject(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ').replace(/[^\x20-\x7e]/g, '').trim();
  return oneLine.length < 100 ? oneLine : `${oneLine.slice(0, 96)}...`;
}

export async function publishSns(sns: SNSClient, topicArn: string, message: SnsMessage): Promise<void> {
  await sns
    .send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: snsSubject(message.subject),
        Message: message.body,
        MessageAttributes: {
          job: { DataType: 'String', StringValue: message.attributes.job },
          severity: { DataType: 'String', StringValue: message.attributes.severity },
        },
      }),
    )
    .catch((err: unknown) => {
      throw explainAwsError(err, `SNS Publish to ${topicArn}`, 'sns:Publish');
    });
}
