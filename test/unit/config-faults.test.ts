import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** Config that used to pass validation and fail later, or fail with a confusing message. */
const dir = mkdtempSync(join(tmpdir(), 'cw-config-faults-'));
let n = 0;
async function validate(text: string) {
  const file = join(dir, `c${++n}.json`);
  writeFileSync(file, text);
  return runCli(['validate-config', '--config', file]);
}

describe('validate-config catches what used to fail in Lambda or synth', () => {
  it('an unknown region, naming the key path', async () => {
    const { code, stderr } = await validate(JSON.stringify({ idle: { regions: ['us-east-1', 'us-east-9'] } }));
    expect(code).toBe(2);
    expect(stderr).toMatch(/idle\.regions\[1\]: unknown region "us-east-9"/);
  });

  it('report.prefix "" and "findings/" (which crashed cdk synth), naming the key path', async () => {
    const empty = await validate(JSON.stringify({ report: { prefix: '' } }));
    const findings = await validate(JSON.stringify({ report: { prefix: 'findings/' } }));
    expect([empty.code, findings.code]).toEqual([2, 2]);
    expect(empty.stderr).toMatch(/report\.prefix: expected a non-empty key prefix ending in "\/"/);
    expect(findings.stderr).toMatch(/report\.prefix: "findings\/" overlaps "findings\/"/);
  });

  it('a byte-order mark is accepted, and 1e400 says it is too large rather than "expected a number"', async () => {
    const bom = await validate(`\ufeff${JSON.stringify({ currency: 'EUR' })}`);
    const huge = await validate('{"dailySpend": {"minDelta": 1e400}}');
    expect(bom.code, bom.stderr).toBe(0);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/dailySpend\.minDelta: expected a number, but it is too large to represent/);
  });

  it('--month 0000-01 is refused', async () => {
    const { code, stderr } = await runCli(['run', 'monthly-report', '--month', '0000-01']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--month: expected a calendar month as YYYY-MM/);
  });
});
