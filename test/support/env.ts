import { inject } from 'vitest';
import { awsEnvForAccount, createMotoAccount, type AwsEnv, type MotoAccount } from '../../emulators/moto.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the moto_server started by test/support/global-setup.ts. */
    motoUrl: string;
  }
}

/** The URL of the run's shared moto_server. */
export function motoUrl(): string {
  return inject('motoUrl');
}

export interface TestAws {
  /** Environment for the SDK default chain (and for runCli): moto endpoint, this account's keys, us-east-1. */
  readonly env: AwsEnv;
  readonly account: MotoAccount;
  /** Explicit client config for in-process SDK clients, equal to what `env` gives the default chain. */
  readonly clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
}

/**
 * A fresh moto account for one test file (call it in beforeAll), so parallel files never see each
 * other's tables, topics or secrets. `extra` adds variables such as AWS_ENDPOINT_URL_COST_EXPLORER.
 */
export async function awsEnvFor(url: string = motoUrl(), extra: Record<string, string> = {}): Promise<TestAws> {
  const account = await createMotoAccount(url);
  return {
    env: awsEnvForAccount(url, account, extra),
    account,
    clientConfig: {
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    },
  };
}
