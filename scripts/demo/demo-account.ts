import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createLedgerTable, createSecret } from '../../emulators/fixtures.js';
import { awsEnvForAccount, createMotoAccount, type MotoAccount } from '../../emulators/moto-accounts.js';

/** The secret holding the demo's Slack bot token (the config's notify.slack.tokenSecretId default). */
export const SLACK_SECRET_ID = 'cost-watch/slack-bot-token';

/** The emulators a demo part runs against. */
export interface DemoEndpoints {
  readonly motoUrl: string;
  readonly costExplorerUrl: string;
  readonly slackUrl: string;
}

export interface DemoAccount {
  readonly account: MotoAccount;
  /** The CLI's environment: the account's keys, every endpoint, and no local AWS profile. */
  readonly env: Record<string, string>;
  /** SDK client settings for seeding the account from the demo itself. */
  readonly clientConfig: {
    readonly endpoint: string;
    readonly region: string;
    readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  };
}

/** A fresh moto account for one part of the demo, so parts never see each other's resources. */
export async function newDemoAccount(e: DemoEndpoints): Promise<DemoAccount> {
  const account = await createMotoAccount(e.motoUrl);
  const env: Record<string, string> = {
    ...awsEnvForAccount(e.motoUrl, account, { AWS_ENDPOINT_URL_COST_EXPLORER: e.costExplorerUrl }),
    SLACK_API_URL: e.slackUrl,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  const credentials = { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey };
  return { account, env, clientConfig: { endpoint: e.motoUrl, region: 'us-east-1', credentials } };
}

/** What every delivering job needs in the account: the ledger table and the Slack bot token's secret. */
export async function seedDelivery(clientConfig: DemoAccount['clientConfig']): Promise<void> {
  await createLedgerTable(new DynamoDBClient(clientConfig), 'cost-watch-ledger');
  await createSecret(new SecretsManagerClient(clientConfig), SLACK_SECRET_ID, 'xoxb-demo-token');
}
