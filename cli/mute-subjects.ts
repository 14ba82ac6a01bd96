import type { CostWatchConfig } from '../shared/config/schema.js';
import { UsageError } from '../shared/errors.js';
import { closestMatches, quotedAlternatives } from '../shared/text/closest.js';
import type { AlertSubject } from '../shared/alerts/alert.js';
import type { CliIo } from './io.js';

/** Alerts of these subjects are about the whole organization: they never carry an account. */
const ORGANIZATION_WIDE = new Set(['daily-spend|total', 'daily-spend|unit-cost', 'monthly-report|report']);
const isOrganizationWide = (t: AlertSubject) => ORGANIZATION_WIDE.has(`${t.job}|${t.scope}`);

export interface SubjectOptions {
  readonly command: 'mute' | 'unmute';
  readonly allAccounts: boolean;
}

/**
 * The subjects a mute or unmute writes. With an organization, every alert
 * about an account carries that account: a mute without one would match none
 * of them, so --account (or --all-accounts: one mute per account the jobs cover) is required.
 */
export async function subjectsOf(
  target: AlertSubject,
  config: CostWatchConfig,
  o: SubjectOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<AlertSubject[]> {
  if (!config.organization) {
    if (o.allAccounts)
      throw new UsageError('--all-accounts: for an organization config; this config has no "organization" (its alerts carry no account)');
    return [target];
  }
  if (isOrganizationWide(target)) {
    if (target.account !== null || o.allAccounts)
      throw new UsageError(
        `--account: ${target.job} ${target.scope} alerts are about the whole organization and carry no account; leave ` +
          `--account and --all-accounts out`,
      );
    return [target];
  }
  if (target.account !== null) return [target];
  if (!o.allAccounts)
    throw new UsageError(
      `--account: expected with an organization config: the 12-digit account whose ${target.job} ${target.scope} alerts to ${o.command} ` +
        '(a subject without an account matches no alert), or --all-accounts for every account the jobs cover',
    );
  const accounts = await chosenAccounts(config, io, env);
  // An anomaly whose root causes span several accounts is alerted without one.
  const extra = target.scope === 'anomaly' ? [{ ...target, account: null }] : [];
  return [...accounts.map((account) => ({ ...target, account })), ...extra];
}

/** The accounts the jobs cover, resolved as they resolve them (organization.accounts minus excludeAccounts). */
async function chosenAccounts(config: CostWatchConfig, io: CliIo, env: NodeJS.ProcessEnv): Promise<string[]> {
  const [{ createContext }, { planAccounts }, { stderrLogger }, { AwsClients }, { ALL_CLIENTS }] = await Promise.all([
    import('../shared/jobs/common/context.js'),
    import('../shared/aws/scopes.js'),
    import('../shared/log.js'),
    import('../shared/aws/aws-clients.js'),
    import('../shared/aws/all-clients.js'),
  ]);
  const aws = new AwsClients(env, ALL_CLIENTS);
  const ctx = createContext({ config, log: stderrLogger({ write: io.err }), aws, dryRun: true, now: io.now, env });
  const plan = await planAccounts(ctx.aws, ctx.config.organization, ctx.log);
  return plan.accounts.flatMap((a) => (a.home ? [] : [a.id]));
}

/**
 * Refuses a key cost-watch has never seen (an en dash for a hyphen mutes
 * nothing): known are the keys the ledger recorded for this job and scope,
 * Cost Explorer's service names for a daily-spend service, the configured
 * unit for unit-cost. Exit 2 naming <key> and the closest known keys.
 */
export async function checkKnownKey(target: AlertSubject, config: CostWatchConfig, table: string, now: Date): Promise<void> {
  const fixed = fixedKeyError(target, config);
  if (fixed !== undefined) {
    if (fixed) throw new UsageError(fixed);
    return;
  }
  const [{ dynamoClient, costExplorerClient }, { recordedKeys }] = await Promise.all([
    import('../shared/aws/clients.js'),
    import('../shared/ledger/recorded.js'),
  ]);
  const known = await recordedKeys(dynamoClient(), table, target);
  if (known.has(target.key)) return;
  if (target.job === 'daily-spend' && target.scope === 'service') {
    const { billedServiceNames } = await import('../shared/aws/service-names.js');
    for (const name of await billedServiceNames(costExplorerClient(), now)) known.add(name);
    if (known.has(target.key)) return;
  }
  const near = closestMatches(target.key, known);
  const what = `${target.job} ${target.scope}`;
  throw new UsageError(
    `<key>: "${target.key}" is not a ${what} cost-watch knows` +
      (near.length ? `; closest: ${quotedAlternatives(near)}` : known.size ? '' : ` (no ${what} alert recorded in the ledger yet)`) +
      '; add --force to mute it anyway',
  );
}

/** Keys whose valid values need no lookup: "" when valid, a message when not, undefined when a lookup decides. */
function fixedKeyError(t: AlertSubject, config: CostWatchConfig): string | undefined {
  const daily = t.job === 'daily-spend';
  if (daily && t.scope === 'total') return t.key === 'total' ? '' : `<key>: expected "total" for --scope total, got "${t.key}"`;
  if (daily && t.scope === 'account')
    return /^\d{12}$/.test(t.key) ? '' : `<key>: expected a 12-digit account id for --scope account, got "${t.key}"`;
  if (t.job === 'monthly-report') return /^\d{4}-(0[1-9]|1[0-2])$/.test(t.key) ? '' : `<key>: expected a month as YYYY-MM, got "${t.key}"`;
  if (t.job === 'daily-spend' && t.scope === 'unit-cost') {
    const unit = config.unitCost?.unit;
    const expected = unit ? `"${unit}"` : '(unitCost.unit; this config has none)';
    return t.key === unit ? '' : `<key>: expected the configured unit ${expected}, got "${t.key}"`;
  }
  return undefined;
}
