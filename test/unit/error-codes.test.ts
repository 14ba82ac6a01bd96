import { describe, expect, it } from 'vitest';
import { AnomaliesError } from '../../shared/aws/anomalies.js';
import { AwsCallError, errorMessage } from '../../shared/aws/errors.js';
import type { Delivery } from '../../shared/alerts/alert.js';
import { AwsAccessError, ConfigError, CostWatchError, DeliveryError, ERROR_CODES, exitCodeOf, UsageError } from '../../shared/errors.js';
import { silentLogger } from '../../shared/log.js';
import { SecretFormatError } from '../../shared/notify/slack.js';
import { SlackDeliveryError } from '../../shared/notify/slack-post.js';
import { ScopeFailedError } from '../../shared/waste/scan-scope.js';
import { enforceVerdict } from '../../lambdas/runtime.js';

describe('the cost-watch error family', () => {
  it('gives every error class a stable code and the exit code the CLI maps it to', () => {
    const errors: Array<[CostWatchError, string, number]> = [
      [new UsageError('x'), 'usage', 2],
      [new ConfigError('x'), 'config', 2],
      [new AwsAccessError('x', 'op'), 'aws_access', 1],
      [new DeliveryError('x'), 'delivery', 3],
      [new AwsCallError('x'), 'aws_call', 1],
      [new AnomaliesError(new Error('x'), 1), 'anomalies', 1],
      [new SlackDeliveryError('x'), 'slack_delivery', 1],
      [new SecretFormatError('x'), 'secret_format', 1],
      [new ScopeFailedError('x'), 'scope_failed', 1],
    ];
    for (const [err, code, exit] of errors) {
      expect(err).toBeInstanceOf(CostWatchError);
      expect([err.code, exitCodeOf(err)]).toEqual([code, exit]);
    }
    expect(new Set(Object.values(ERROR_CODES)).size).toBe(Object.values(ERROR_CODES).length);
  });

  it('tells our own errors by their message alone, an SDK error with its name in front', () => {
    expect(errorMessage(new SlackDeliveryError('Slack refused the message: channel_not_found'))).toBe(
      'Slack refused the message: channel_not_found',
    );
    const sdk = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    expect(errorMessage(sdk)).toBe('ThrottlingException: Rate exceeded');
  });
});

describe('a step or job Lambda deciding on its deliveries', () => {
  const delivery = (status: Delivery['status'], extra: Partial<Delivery> = {}): Delivery => ({
    channel: 'slack',
    alertId: 'a',
    status,
    ...extra,
  });

  it('fails with a delivery error that names an alert held by another run, so the retry delivers it', () => {
    const run = () => enforceVerdict('idle-resources', [delivery('sent'), delivery('in-progress')], silentLogger);
    expect(run).toThrow(expect.objectContaining({ code: ERROR_CODES.delivery }));
    expect(run).toThrow(/1 delivery held by another run \(in-progress\)/);
  });

  it('does not fail for a delivery that was sent but not recorded: a retry could only send it again', () => {
    expect(() => enforceVerdict('idle-resources', [delivery('sent', { recorded: false, error: 'x' })], silentLogger)).not.toThrow();
  });
});
