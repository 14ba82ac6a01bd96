import { randomInt } from 'node:crypto';

/*
 * Isolation between test files sharing one moto_server.
 *
 * Verified against moto 5.2.1: a raw 12-digit AWS_ACCESS_KEY_ID is NOT taken as the account id
 * (STS GetCallerIdentity still answers 123456789012, and queues/tables created under one such key
 * are listed under another). Moto picks the account, in order, from MOTO_ACCOUNT_ID in its own
 * environment, an `x-moto-account-id` request header, then the account that owns the access key in
 * its IAM backend (moto/core/responses.py get_current_account). The SDK cannot add a header from
 * environment variables alone, and the CLI under test only gets environment variables, so we use
 * the third rule: create an IAM user inside a fresh random account (addressed with the header,
 * once) and hand out that user's access key. Every SDK client using that key, in this process or a
 * spawned CLI, then lands in its own account.
 */

export interface MotoAccount {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Environment for the SDK's default chain pointed at moto; extra entries (e.g. AWS_ENDPOINT_URL_COST_EXPLORER) win. */
export interface AwsEnv {
  AWS_ENDPOINT_URL: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_REGION: string;
  AWS_DEFAULT_REGION: string;
  AWS_EC2_METADATA_DISABLED: string;
  [name: string]: string;
}

const MOTO_DEFAULT_ACCOUNT = '123456789012';
const IAM_USER = 'cost-watch-harness';

function randomAccountId(): string {
  for (;;) {
    const id = String(randomInt(100_000, 1_000_000)) + String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (id !== MOTO_DEFAULT_ACCOUNT) return id;
  }
}

async function iamCall(motoUrl: string, accountId: string, params: Record<string, string>): Promise<string> {
  const res = await fetch(motoUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // Moto routes by the credential scope; it does not check the signature.
      authorization: 'AWS4-HMAC-SHA256 Credential=harness/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
      'x-moto-account-id': accountId,
    },
    body: new URLSearchParams({ ...params, Version: '2010-05-08' }).toString(),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`moto IAM ${params.Action} failed (${res.status}): ${text}`);
  return text;
}

function xmlField(xml: string, name: string): string {
  const match = new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml);
  if (!match?.[1]) throw new Error(`moto IAM answer has no <${name}>: ${xml.slice(0, 300)}`);
  return match[1];
}

/** Creates a fresh moto account and an access key that moto maps to it. */
export async function createMotoAccount(motoUrl: string, accountId = randomAccountId()): Promise<MotoAccount> {
  await iamCall(motoUrl, accountId, { Action: 'CreateUser', UserName: IAM_USER }).catch((error: Error) => {
    if (!error.message.includes('EntityAlreadyExists')) throw error;
  });
  const xml = await iamCall(motoUrl, accountId, { Action: 'CreateAccessKey', UserName: IAM_USER });
  return {
    accountId,
    accessKeyId: xmlField(xml, 'AccessKeyId'),
    secretAccessKey: xmlField(xml, 'SecretAccessKey'),
  };
}

export function awsEnvForAccount(motoUrl: string, account: MotoAccount, extra: Record<string, string> = {}): AwsEnv {
  return {
    AWS_ENDPOINT_URL: motoUrl,
    AWS_ACCESS_KEY_ID: account.accessKeyId,
    AWS_SECRET_ACCESS_KEY: account.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    // Without this the SDK may probe 169.254.169.254 when a credential is missing, which hangs offline.
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** Environment for a brand-new moto account, so parallel test files never see each other's resources. */
export async function isolatedAwsEnv(motoUrl: string, extra: Record<string, string> = {}): Promise<AwsEnv> {
  return awsEnvForAccount(motoUrl, await createMotoAccount(motoUrl), extra);
}
