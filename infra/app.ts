#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CostWatchStack } from './stack.js';

const app = new App();
new CostWatchStack(app, 'CostWatch', { description: 'cost-watch: daily spend, idle resources, budgets and monthly cost report' });
// `cdk synth -c nag=true` fails synth on any unacknowledged AwsSolutions finding.
if (String(app.node.tryGetContext('nag')) === 'true') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
