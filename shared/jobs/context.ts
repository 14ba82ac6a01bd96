import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SNSClient } from '@aws-sdk/client-sns';
import { defaultRegion, dynamoClient, secretsClient, snsClient } from '../aws/clients.js';
import type { CostWatchConfig } from '../config/schema.js';
import { DynamoLedger, explainLedgerError } from '../ledger/dynamo-ledger.js';
import { NoLedger, type AlertLedger } from '../ledger/ledger.js';
import { MuteStore, NO_MUTES, type MuteReader } from '../ledger/mutes.js';
import type { Logger } from '../log.js';
import { runSlackBudget, type TimeBudget } from '../notify/time-budget.js';
import type { MessagePreview } from '../notify/types.js';

/**
 * Clients are built on first use and then reused: a job pays only for the
 * SDK clients it touches, and a warm Lambda reuses them across invocations.
 * Factories are passed in by the caller (not listed here) so that a Lambda
 * bundle holds only the SDK clients its job imports.
 */
export class AwsClients {
  private readonly cache = new Map<string, unknown>();

  get<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  get dynamo(): DynamoDBClient {
    return this.get('dynamodb', () => dynamoClient());
  }
  get secrets(): SecretsManagerClient {
    return this.get('secretsmanager', () => secretsClient());
  }
  sns(region = defaultRegion()): SNSClient {
    return this.get(`sns:${region}`, () => snsClient(region));
  }
}

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
  readonly aws?: AwsClients;
  readonly env?: NodeJS.ProcessEnv;
  readonly preview?: (preview: MessagePreview) => void;
}

export function createContext(o: ContextOptions): JobContext {
  const aws = o.aws ?? new AwsClients();
  const table = o.config.ledgerTable;
  let ledger: AlertLedger = new NoLedger();
  let mutes: MuteReader = NO_MUTES;
  if (table) {
    ledger = new DynamoLedger(aws.dynamo, { table });
    mutes = new MuteStore(aws.dynamo, table, explainLedgerError(table));
  } else if (!o.dryRun) o.log.warn('no ledgerTable in config: alerts cannot be de-duplicated, a re-run sends them again');
  const env = o.env ?? process.env;
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
