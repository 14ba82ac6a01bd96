import type { AwsClients } from '../aws/aws-clients.js';
import type { CostWatchConfig } from '../config/schema.js';
import { DynamoActionRecords } from '../ledger/action-records.js';
import type { Logger } from '../log.js';
import { UsageError } from '../errors.js';
import { ActionsAccess } from './access.js';
import { executorFor } from './kinds/index.js';
import type { ActionDeps } from './types.js';

/**
 * What applyAction, undoAction and rejectAction need, built from the config:
 * the records in the ledger table, the four action types, and the actions
 * role per account. The budgets job, the CLI and the Slack endpoint use this.
 */
export function actionDeps(
  config: CostWatchConfig,
  aws: AwsClients,
  env: NodeJS.ProcessEnv,
  log: Logger,
  now = () => new Date(),
): ActionDeps {
  if (!config.ledgerTable) throw new UsageError('ledgerTable: expected in config: budget action records live in the ledger table');
  const access = new ActionsAccess(aws, config, env);
  return {
    records: new DynamoActionRecords(aws.dynamo(), config.ledgerTable, now),
    aws,
    executor: executorFor,
    target: (record) => access.target(record),
    log,
    now,
  };
}
