import type { AwsClients } from '../../aws/aws-clients.js';
import { defaultRegion } from '../../aws/clients/config.js';
import type { MemberRoleOptions } from '../../aws/scopes.js';
import type { CostWatchConfig } from '../../config/schema.js';
import { DynamoLedger, explainLedgerError } from '../../ledger/dynamo-ledger.js';
import { NoLedger, type AlertLedger } from '../../ledger/ledger.js';
import { MuteStore, NO_MUTES, type MuteReader } from '../../ledger/mutes.js';
import type { Logger } from '../../log.js';
import type { ChannelDeps } from '../../notify/channels.js';
import { runSlackBudget, type TimeBudget } from '../../notify/time-budget.js';
import type { MessagePreview } from '../../notify/types.js';

export interface JobContext {
  readonly config: CostWatchConfig;
  readonly aws: AwsClients;
  readonly ledger: AlertLedger;
  /** Kept in the ledger table beside the ledger; NO_MUTES without one. */
  readonly mutes: MuteReader;
  readonly log: Logger;
  /** The clock, passed in so that every date rule is testable. */
  readonly now: Date;
  /** Compute everything, send and write nothing. */
  readonly dryRun: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** The time every Slack call of this run shares (createContext sets it). @default a fresh budget per message */
  readonly slackBudget?: TimeBudget;
  /** Where a dry run shows each message it would have sent (the CLI prints them on stderr). @default nowhere */
  readonly preview?: (preview: MessagePreview) => void;
}

export interface ContextOptions {
  readonly config: CostWatchConfig;
  readonly log: Logger;
  readonly dryRun?: boolean;
  readonly now?: Date;
  /** Built with the job's client factories (JobDefinition.clients), or ALL_CLIENTS in the CLI. */
  readonly aws: AwsClients;
  readonly env?: NodeJS.ProcessEnv;
  readonly preview?: (preview: MessagePreview) => void;
}

export function createContext(o: ContextOptions): JobContext {
  const env = o.env ?? process.env;
  const aws = o.aws;
  const table = o.config.ledgerTable;
  let ledger: AlertLedger = new NoLedger();
  let mutes: MuteReader = NO_MUTES;
  if (table) {
    ledger = new DynamoLedger(aws.dynamo(), { table });
    mutes = new MuteStore(aws.dynamo(), table, explainLedgerError(table));
  } else if (!o.dryRun) o.log.warn('no ledgerTable in config: alerts cannot be de-duplicated, a re-run sends them again');
  return {
    config: o.config,
    aws,
    ledger,
    mutes,
    log: o.log,
    now: o.now ?? new Date(),
    dryRun: o.dryRun ?? false,
    env,
    slackBudget: runSlackBudget(env),
    ...(o.preview ? { preview: o.preview } : {}),
  };
}

/** What alert channels take from the run (see ChannelDeps). */
export function channelDeps(ctx: JobContext): ChannelDeps {
  return {
    notify: ctx.config.notify,
    secrets: () => ctx.aws.secrets(),
    sns: (region) => ctx.aws.sns(region),
    slackBudget: ctx.slackBudget,
    env: ctx.env,
    ...(ctx.preview ? { preview: ctx.preview } : {}),
  };
}

/** How the job reaches member accounts of its organization. */
export function memberRole(ctx: JobContext): MemberRoleOptions {
  return { roleName: ctx.config.organization?.roleName ?? 'cost-watch-read', region: defaultRegion(ctx.env) };
}
