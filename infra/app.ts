#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError } from '../shared/errors.js';
import { CostWatchChecks } from './nag.js';
import { NagTally } from './nag-tally.js';
import { CostWatchStack } from './stack.js';

const app = new App();
try {
  new CostWatchStack(app, 'CostWatch', { description: 'cost-watch: daily spend, idle resources, budgets and monthly cost report' });
} catch (err) {
  // A config mistake is the user's to fix: one line naming the key, not a stack trace.
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(err.exitCode);
}
// `cdk synth -c nag=true` fails synth on any unacknowledged AwsSolutions (or CostWatch) finding,
// and says on stderr (stdout is the template) what it checked and which findings were acknowledged.
if (String(app.node.tryGetContext('nag')) === 'true') {
  const tally = new NagTally();
  Validations.of(app).addPlugins(tally.count(new AwsSolutionsChecks(app)), tally.count(new CostWatchChecks(app)));
  try {
    app.synth();
  } finally {
    process.stderr.write(`${tally.summary()}\n`);
  }
}
