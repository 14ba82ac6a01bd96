import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CostWatchStack } from '../../infra/stack.js';
import { ConfigError } from '../../shared/errors.js';
import { testApp, SYNTH_TIMEOUT } from './app-fixture.js';

describe('stack config', { timeout: SYNTH_TIMEOUT }, () => {
  let dir: string;
  const cwd = process.cwd();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cost-watch-infra-'));
  });
  afterEach(() => process.chdir(cwd));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const writeConfig = (name: string, value: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  it('schedules a job with the expression from the config file named by context', () => {
    const file = writeConfig('custom.json', { schedules: { dailySpend: 'cron(30 6 * * ? *)' } });

    const template = Template.fromStack(new CostWatchStack(testApp({ context: { config: file } }), 'CostWatch'));

    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(30 6 * * ? *)' });
    template.resourcePropertiesCountIs('AWS::Events::Rule', { ScheduleExpression: 'cron(0 10 * * ? *)' }, 0);
  });

  it('reads ./cost-watch.config.json when no file is named', () => {
    const project = mkdtempSync(join(dir, 'project-'));
    writeFileSync(join(project, 'cost-watch.config.json'), JSON.stringify({ report: { emails: ['finance@example.com'] } }));
    process.chdir(project);

    const template = Template.fromStack(new CostWatchStack(testApp(), 'CostWatch'));

    template.resourceCountIs('AWS::SNS::Subscription', 1);
  });

  it('uses built-in defaults when there is no config file', () => {
    process.chdir(mkdtempSync(join(dir, 'empty-')));

    const template = Template.fromStack(new CostWatchStack(testApp(), 'CostWatch'));

    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(8 hours)' });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('fails synth naming the key path of an invalid value', () => {
    const file = writeConfig('invalid.json', { dailySpend: { warningPct: 'high' } });
    const app = testApp({ context: { config: file } });

    expect(() => new CostWatchStack(app, 'CostWatch')).toThrow(ConfigError);
    expect(() => new CostWatchStack(testApp({ context: { config: file } }), 'CostWatch')).toThrow(
      /dailySpend\.warningPct: expected a number/,
    );
  });

  it('fails synth naming an unknown key', () => {
    const file = writeConfig('typo.json', { schedules: { dailySpnd: 'rate(1 day)' } });

    expect(() => new CostWatchStack(testApp({ context: { config: file } }), 'CostWatch')).toThrow(/schedules\.dailySpnd: unknown key/);
  });

  it('fails synth naming notify when routes have no default destination', () => {
    const file = writeConfig('routes.json', { notify: { routes: [{ accounts: ['111111111111'], slack: { channel: '#team-data' } }] } });

    expect(() => new CostWatchStack(testApp({ context: { config: file } }), 'CostWatch')).toThrow(/notify: expected a default destination/);
  });

  it('fails synth on a schedule that is not an EventBridge expression', () => {
    const file = writeConfig('schedule.json', { schedules: { budgets: 'every 8 hours' } });

    expect(() => new CostWatchStack(testApp({ context: { config: file } }), 'CostWatch')).toThrow(
      /schedules\.budgets: expected an EventBridge expression/,
    );
  });

  it('fails synth when the file named by context does not exist', () => {
    const missing = join(dir, 'missing.json');

    expect(() => new CostWatchStack(testApp({ context: { config: missing } }), 'CostWatch')).toThrow(
      /cdk context "config": file not found/,
    );
  });
});
