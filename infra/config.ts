import { Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CONFIG_ENV, loadConfig, type CostWatchConfig } from '../shared/config/index.js';
import { ConfigError } from '../shared/errors.js';

/** CDK context key naming the config file: `cdk synth -c config=prod.json`. */
export const CONFIG_CONTEXT_KEY = 'config';

/** Environment variable carrying the deployed config (JSON) to every job; the lambdas read it with configFromEnv. */
export const CONFIG_ENV_VAR = CONFIG_ENV;

/**
 * The validated config for a stack: the file named by context `config`, else
 * ./cost-watch.config.json when present, else built-in defaults. An invalid
 * file fails synth with the ConfigError message, which names each bad key path.
 */
export function configFromContext(scope: Construct): CostWatchConfig {
  const file: unknown = scope.node.tryGetContext(CONFIG_CONTEXT_KEY);
  if (file !== undefined && (typeof file !== 'string' || file === ''))
    throw new ConfigError(`cdk context "${CONFIG_CONTEXT_KEY}": expected a config file path, got ${JSON.stringify(file)}`);
  try {
    return loadConfig(file).config;
  } catch (err) {
    if (err instanceof ConfigError)
      throw new ConfigError(`cost-watch stack: ${err.message.replace(/^--config: /, `cdk context "${CONFIG_CONTEXT_KEY}": `)}`, err.issues);
    throw err;
  }
}

/** Names of the resources the stack owns, which replace their config keys. */
export interface DeployedNames {
  readonly ledgerTable: string;
  readonly alertTopicArn: string;
  readonly reportTopicArn: string;
  readonly reportBucket: string;
  /** With `containers`: the export, table and workgroup the stack creates, queried with Athena. */
  readonly containers?: CostWatchConfig['containers'];
}

/**
 * The value of COST_WATCH_CONFIG: the validated config with the stack's own
 * resource names filled in. Those names are CloudFormation tokens, so the JSON
 * is built with Stack.toJsonString (an Fn::Join resolved at deploy time).
 * The Slack token is never in it: only `notify.slack.tokenSecretId`.
 */
export function deployedConfigJson(scope: Construct, config: CostWatchConfig, names: DeployedNames): string {
  const deployed: CostWatchConfig = {
    ...config,
    ledgerTable: names.ledgerTable,
    report: { ...config.report, bucket: names.reportBucket },
    notify: { ...config.notify, alertTopicArn: names.alertTopicArn, reportTopicArn: names.reportTopicArn },
    ...(names.containers ? { containers: names.containers } : {}),
  };
  return Stack.of(scope).toJsonString(deployed);
}
