import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { TestAws } from './env.js';

/** Client config acting in a member account: moto's AssumeRole credentials act in the role's account. */
export async function memberClientConfig(
  aws: TestAws,
  account: string,
): Promise<TestAws['clientConfig'] & { credentials: { sessionToken: string } }> {
  const sts = new STSClient(aws.clientConfig);
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/cost-watch-read`, RoleSessionName: 'seed' }));
  const c = out.Credentials!;
  return {
    ...aws.clientConfig,
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
  };
}
