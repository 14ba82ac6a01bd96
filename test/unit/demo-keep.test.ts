import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { keepInstructions, parseDemoArgs, shellQuote } from '../../scripts/demo/keep.js';

describe('demo arguments', () => {
  it('runs and stops everything without arguments', () => {
    expect(parseDemoArgs([])).toEqual({ keep: false, help: false });
  });

  it('keeps the emulators with --keep', () => {
    expect(parseDemoArgs(['--keep']).keep).toBe(true);
  });

  it('refuses an unknown option, naming it and showing the usage', () => {
    expect(() => parseDemoArgs(['--kepp'])).toThrow(/--kepp[\s\S]*npm run demo \[-- --keep\]/);
  });

  it('refuses a stray argument', () => {
    expect(() => parseDemoArgs(['keep'])).toThrow(/keep/);
  });
});

const kept = {
  env: {
    AWS_ENDPOINT_URL: 'http://127.0.0.1:5001',
    AWS_ENDPOINT_URL_COST_EXPLORER: 'http://127.0.0.1:5002',
    AWS_ENDPOINT_URL_BUDGETS: 'http://127.0.0.1:5003',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: "se/cr+et it's",
    SLACK_API_URL: 'http://127.0.0.1:5004/api/',
  },
  configFile: '/repo/out/demo.config.json',
  root: '/repo',
  demoPid: 4242,
  motoPids: [4243, 4244],
  slackSecretId: 'cost-watch/slack-bot-token',
};

describe('what the kept demo prints', () => {
  const text = keepInstructions(kept);

  it('exports every variable the demo ran the CLI with', () => {
    for (const name of Object.keys(kept.env)) expect(text).toMatch(new RegExp(`^export ${name}=`, 'm'));
  });

  it('names the demo config relative to the repository', () => {
    expect(text).toContain('--config out/demo.config.json');
  });

  it('gives one kill line with the demo process and each moto', () => {
    expect(text).toMatch(/^Stop them: kill 4242 4243 4244\b/m);
  });

  it('says where the Slack token comes from instead of exporting one', () => {
    expect(text).not.toContain('SLACK_BOT_TOKEN=');
    expect(text).toContain('cost-watch/slack-bot-token');
  });

  it('prints export lines a shell reads back to the same values', () => {
    const exports = text
      .split('\n')
      .filter((l) => l.startsWith('export '))
      .join('\n');
    const script = `${exports}\nprintf '%s\\n' "$AWS_SECRET_ACCESS_KEY" "$SLACK_API_URL"`;
    expect(execFileSync('sh', ['-c', script], { env: {}, encoding: 'utf8' })).toBe(`se/cr+et it's\nhttp://127.0.0.1:5004/api/\n`);
  });

  it('quotes only what needs it', () => {
    expect(shellQuote('http://127.0.0.1:5001')).toBe('http://127.0.0.1:5001');
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
