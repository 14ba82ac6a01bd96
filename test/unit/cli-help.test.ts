import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), now: new Date('2026-11-21T08:00:00Z') });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cw-help-'));
function file(text: string): string {
  const path = join(dir, `c-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, text);
  return path;
}

describe('help texts', () => {
  it('run --help names every report format and both ways the email goes', async () => {
    const { code, out } = await cli(['run', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/monthly-report .*html, csv, json, xlsx/);
    expect(out).toMatch(/SNS/);
    expect(out).toMatch(/SES/);
    expect(out).not.toMatch(/\(HTML, CSV, JSON\)/);
  });

  it('mute --help lists the anomaly and unit-cost scopes, --all-accounts and --force', async () => {
    const { code, out } = await cli(['mute', '--help']);
    expect(code).toBe(0);
    for (const word of ['anomaly', 'unit-cost', '--all-accounts', '--force']) expect(out).toContain(word);
  });

  it('a bare command line names every command', async () => {
    const { code, err } = await cli([]);
    expect(code).toBe(2);
    for (const command of ['run <job>', 'validate-config', 'mute', 'unmute', 'mutes', 'slack-actions'])
      expect(err).toContain(`"${command}"`);
  });

  it('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { code, out } = await cli(['--version']);
    expect(code).toBe(0);
    expect(out).toBe(`cost-watch ${version}\n`);
    expect((await cli(['--help'])).out).toContain('--version');
  });
});

describe('validate-config errors', () => {
  it('prints every problem on its own line', async () => {
    const config = file('{"idle":{"cpuThresholdPct":500},"dailySpend":{"warningPct":-1},"currency":"usd"}');
    const { code, err } = await cli(['validate-config', '--config', config]);
    expect(code).toBe(2);
    const lines = err.split('\n');
    for (const key of ['idle.cpuThresholdPct: ', 'dailySpend.warningPct: ', 'currency: '])
      expect(lines.filter((l) => l.includes(key))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('  - '))).toHaveLength(3);
  });

  it('suggests the closest valid key for an unknown one', async () => {
    const config = file('{"dailySpend":{"warnPct":20},"notfy":{},"idle":{"rules":{"idle-rd":{}}}}');
    const { code, err } = await cli(['validate-config', '--config', config]);
    expect(code).toBe(2);
    expect(err).toContain('dailySpend.warnPct: unknown key in dailySpend (did you mean "warningPct"?)');
    expect(err).toContain('notfy: unknown key (did you mean "notify"?)');
    expect(err).toContain('idle.rules.idle-rd: unknown key in idle.rules (did you mean "idle-rds"?)');
  });

  it('makes no suggestion when nothing is close', async () => {
    const { err } = await cli(['validate-config', '--config', file('{"zzzzzzzzzz":1}')]);
    expect(err).toContain('zzzzzzzzzz: unknown key');
    expect(err).not.toContain('did you mean');
  });

  it('reports bad JSON by line and column', async () => {
    const { code, err } = await cli(['validate-config', '--config', file('{\n  "currency": "USD",\n  "ledgerTable" "x"\n}\n')]);
    expect(code).toBe(2);
    expect(err).toMatch(/malformed JSON: line 3, column 17: /);
    const truncated = await cli(['validate-config', '--config', file('{\n  "currency": "USD",\n')]);
    expect(truncated.err).toMatch(/malformed JSON: line 3, column 1: /);
  });
});
