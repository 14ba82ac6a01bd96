import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';

export interface OrgMember {
  readonly id: string;
  readonly name: string;
}

export interface SeededOrganization {
  /** The management account: the one whose credentials made the organization. */
  readonly managementAccount: string;
  readonly members: OrgMember[];
}

export interface SeedOrganizationOptions {
  /** Client config of the management account (moto endpoint, that account's keys). */
  readonly clientConfig: ConstructorParameters<typeof OrganizationsClient>[0];
  /** Member accounts to create, by name. */
  readonly members: readonly string[];
  /** Names among `members` to close afterwards (they stay listed, not ACTIVE). */
  readonly closed?: readonly string[];
}

/**
 * An AWS Organization on moto: the caller becomes the management account and
 * each name a member account. moto hands out credentials acting in a member
 * account for any AssumeRole into `arn:aws:iam::<member>:role/<name>`, so no
 * role needs creating for the happy path.
 */
export async function seedOrganization(o: SeedOrganizationOptions): Promise<SeededOrganization> {
  const org = new OrganizationsClient({ region: 'us-east-1', ...o.clientConfig });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' })).catch((err: Error) => {
    if (err.name !== 'AlreadyInOrganizationException') throw err;
  });
  const described = await org.send(new DescribeOrganizationCommand({}));
  const members: OrgMember[] = [];
  for (const name of o.members) {
    const out = await org.send(
      new CreateAccountCommand({ AccountName: name, Email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com` }),
    );
    const id = out.CreateAccountStatus?.AccountId;
    if (!id) throw new Error(`moto CreateAccount for ${name} returned no AccountId`);
    members.push({ id, name });
  }
  for (const name of o.closed ?? []) {
    const member = members.find((m) => m.name === name);
    if (member) await org.send(new CloseAccountCommand({ AccountId: member.id }));
  }
  return { managementAccount: described.Organization?.MasterAccountId ?? '', members };
}
