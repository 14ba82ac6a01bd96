import { describe, expect, it } from 'vitest';
import { parseActionCommand, splitActionCommand } from '../../cli/mute-args.js';

const parse = (argv: string[]) => {
  const split = splitActionCommand(argv);
  if (!split) throw new Error('not an action command');
  return parseActionCommand(split.command, split.rest);
};

describe('mute, unmute, mutes, slack-actions arguments', () => {
  it('mutes a daily-spend service for 7 days by default', () => {
    expect(parse(['mute', 'daily-spend', 'Amazon Elastic Compute Cloud - Compute'])).toEqual({
      kind: 'mute',
      target: { job: 'daily-spend', scope: 'service', key: 'Amazon Elastic Compute Cloud - Compute', account: null },
      days: 7,
      allAccounts: false,
      force: false,
      config: undefined,
      json: false,
    });
  });

  it('takes --account, --scope, --days and --config in any position', () => {
    const c = parse(['--config', 'c.json', 'mute', 'budgets', 'team-a', '--account', '111111111111', '--days', '90']);
    expect(c).toMatchObject({
      kind: 'mute',
      days: 90,
      config: 'c.json',
      target: { job: 'budgets', scope: 'budget', key: 'team-a', account: '111111111111' },
    });
    expect(parse(['mute', 'daily-spend', '111111111111', '--scope', 'account', '--days', '1'])).toMatchObject({
      days: 1,
      target: { scope: 'account' },
    });
  });

  it('takes --all-accounts and --force, but not --account together with --all-accounts', () => {
    expect(parse(['mute', 'daily-spend', 'EC2', '--all-accounts', '--force'])).toMatchObject({
      allAccounts: true,
      force: true,
      target: { account: null },
    });
    expect(parse(['unmute', 'daily-spend', 'EC2', '--all-accounts'])).toMatchObject({ kind: 'unmute', allAccounts: true });
    expect(() => parse(['mute', 'daily-spend', 'EC2', '--all-accounts', '--account', '111111111111'])).toThrow(
      /^--account: expected either/,
    );
  });

  it("takes an account's total as being about that account", () => {
    expect(parse(['mute', 'daily-spend', '111111111111', '--scope', 'account'])).toMatchObject({
      target: { scope: 'account', account: '111111111111' },
    });
  });

  it('infers the idle scope from the resource id', () => {
    expect(parse(['mute', 'idle-resources', 'i-0abc123'])).toMatchObject({ target: { scope: 'instance' } });
    expect(parse(['unmute', 'idle-resources', 'vol-0abc123'])).toMatchObject({ kind: 'unmute', target: { scope: 'volume' } });
    expect(parse(['mute', 'idle-resources', 'eipalloc-1', '--scope', 'unassociated-eip'])).toMatchObject({
      target: { scope: 'unassociated-eip' },
    });
  });

  it.each([
    [['mute', 'daily-spend', 'EC2', '--days', '0'], /^--days: .*1 to 90.*"0"/],
    [['mute', 'daily-spend', 'EC2', '--days', '-3'], /^--days: .*"-3"/],
    [['mute', 'daily-spend', 'EC2', '--days', '91'], /^--days: .*"91"/],
    [['mute', 'daily-spend', 'EC2', '--days', 'week'], /^--days: /],
    [['mute', 'nightly', 'EC2'], /^<job>: unknown job "nightly"/],
    [['unmute', 'nightly', 'EC2'], /^<job>: unknown job "nightly"/],
    [['mute'], /missing <job>/],
    [['mute', 'daily-spend'], /missing <key>/],
    [['mute', 'daily-spend', ''], /^<key>: /],
    [['mute', 'daily-spend', 'x'.repeat(1025)], /^<key>: /],
    [['mute', 'daily-spend', 'EC2', '--account', '12345'], /^--account: /],
    [['mute', 'daily-spend', 'EC2', '--scope', 'Bad Scope'], /^--scope: /],
    [['mute', 'idle-resources', 'eipalloc-1'], /^--scope: /],
    [['mute', 'daily-spend', 'EC2', 'extra'], /unexpected argument "extra"/],
    [['slack-actions'], /^--port: /],
    [['slack-actions', '--port', '70000'], /^--port: /],
    [['mutes', '--days', '3'], /Unknown option '--days'/],
  ])('exits 2 naming the argument: %j', (argv, message) => {
    let error: unknown;
    try {
      parse(argv);
    } catch (err) {
      error = err;
    }
    expect((error as { exitCode?: number })?.exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
  });

  it('gives help for each command', () => {
    for (const c of ['mute', 'unmute', 'mutes', 'slack-actions']) expect(parse([c, '--help'])).toEqual({ kind: 'help', topic: c });
  });

  it('leaves other commands to the main parser', () => {
    expect(splitActionCommand(['run', 'daily-spend'])).toBeUndefined();
    expect(splitActionCommand(['--config', 'mute', 'run', 'budgets'])).toBeUndefined();
  });
});
