import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { AwsAccessError } from '../errors.js';
import type { ScopeCredentials } from './clients.js';
import { errorMessage } from './errors.js';

/** Refreshed this long before expiry, so a scan that starts on fresh credentials never fails halfway. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** A role that could not be assumed is not asked again for this long: one failure per account per run, not one per region. */
const FAILURE_MEMORY_MS = 5 * 60_000;
const SESSION_SECONDS = 3600;

interface Entry {
  readonly at: number;
  readonly credentials: Promise<AwsCredentialIdentity>;
}

export interface AssumedRolesOptions {
  readonly sts: () => STSClient;
  readonly roleName: string;
  /** @default "aws" */
  readonly partition?: string;
  readonly sessionName?: string;
  readonly now?: () => Date;
}

/**
 * Credentials for member accounts, one `AssumeRole` per account however many
 * regional clients use them, refreshed before they expire. Throttling is
 * retried by the STS client's adaptive retry.
 */
export class AssumedRoles {
  private readonly cache = new Map<string, Entry>();
  private readonly now: () => Date;

  constructor(private readonly options: AssumedRolesOptions) {
    this.now = options.now ?? (() => new Date());
  }

  roleArn(account: string): string {
    return `arn:${this.options.partition ?? 'aws'}:iam::${account}:role/${this.options.roleName}`;
  }

  /** What an SDK client takes as `credentials` for this account. */
  provider(account: string): ScopeCredentials {
    return () => this.credentials(account);
  }

  async credentials(account: string): Promise<AwsCredentialIdentity> {
    const now = this.now().getTime();
    const entry = this.cache.get(account);
    if (entry) {
      const settled = await entry.credentials.then(
        (c) => ({ ok: true as const, c }),
        (err: unknown) => ({ ok: false as const, err }),
      );
      if (settled.ok && (!settled.c.expiration || settled.c.expiration.getTime() - now > REFRESH_BEFORE_MS)) return settled.c;
      if (!settled.ok && now - entry.at < FAILURE_MEMORY_MS) throw settled.err;
      // An older in-flight refresh may already have replaced the entry.
      const current = this.cache.get(account);
      if (current && current !== entry) return current.credentials;
    }
    const fresh: Entry = { at: now, credentials: this.assume(account) };
    this.cache.set(account, fresh);
    return fresh.credentials;
  }

  private async assume(account: string): Promise<AwsCredentialIdentity> {
    const arn = this.roleArn(account);
    const out = await this.options
      .sts()
      .send(
        new AssumeRoleCommand({
          RoleArn: arn,
          RoleSessionName: this.options.sessionName ?? 'cost-watch',
          DurationSeconds: SESSION_SECONDS,
        }),
      )
      .catch((err: unknown) => {
        throw new AwsAccessError(
          `cannot assume ${arn} (${errorMessage(err)}): deploy the member-account role to account ${account} (the stack's ` +
            `StackSet does), or list the account in organization.excludeAccounts`,
          'STS AssumeRole',
          { cause: err },
        );
      });
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AwsAccessError(`STS AssumeRole ${arn} returned no credentials`, 'STS AssumeRole');
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  }
}
