import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

/**
 * The ARN to grant for a Slack secret (bot token, signing secret), which is referenced, never
 * created or read at synth. Secrets Manager appends a 6-character suffix to a
 * secret's name in its ARN: a name or a partial ARN is matched with `-??????`,
 * a complete ARN (already ending in the suffix) as is.
 */
export function slackSecretPolicyArn(scope: Construct, id: string, nameOrArn: string): string {
  if (!nameOrArn.startsWith('arn:')) return `${Secret.fromSecretNameV2(scope, id, nameOrArn).secretArn}-??????`;
  return /-[A-Za-z0-9]{6}$/.test(nameOrArn) ? nameOrArn : `${nameOrArn}-??????`;
}
