import { actionDeps } from '../actions/deps.js';
import { applyAction, rejectAction, undoAction } from '../actions/steps.js';
import type { AwsClients } from '../aws/aws-clients.js';
import type { CostWatchConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { BudgetActionsPort } from './budget-clicks.js';

/**
 * The endpoint's way to budget actions, from the config: undefined without
 * `budgets.actions` (a budget button then gets 400). AWS calls go through the
 * actions role the stack names in COST_WATCH_ACTIONS_ROLE_ARN.
 */
export function budgetActionsPort(
  config: CostWatchConfig,
  aws: AwsClients,
  env: NodeJS.ProcessEnv,
  log: Logger,
): BudgetActionsPort | undefined {
  if (!config.budgets.actions.length) return undefined;
  const deps = actionDeps(config, aws, env, log);
  return {
    context: { currency: config.currency, approvers: config.budgets.approvers ?? [], approval: config.budgets.approval },
    get: async (id) => (await deps.records.get(id))?.record,
    apply: (id, by) => applyAction(id, by, deps),
    reject: (id, by) => rejectAction(id, by, deps),
    undo: (id, by) => undoAction(id, by, deps),
  };
}
