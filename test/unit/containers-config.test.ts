import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import { resolveContainers } from '../../shared/config/containers.js';
import { runCli } from '../support/cli.js';

const contract = {
  export: { bucket: 'my-cur', prefix: 'cur2/' },
  engine: 'athena',
  athena: { workgroup: 'cost-watch', database: 'cost_watch', table: 'cur2' },
};

function messageOf(containers: unknown): string {
  try {
    parseConfig({ containers });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('containers config', () => {
  it('accepts the contract example and is absent by default', () => {
    expect(parseConfig({ containers: contract }).containers).toEqual({ ...contract, athena: { ...contract.athena, scanLimitGiB: 10 } });
    expect(parseConfig({}).containers).toBeUndefined();
  });

  it('resolves the documented defaults: prefix cur2/, athena for a bucket, duckdb for a local folder', () => {
    const s3 = resolveContainers(parseConfig({ containers: { export: { bucket: 'my-cur' } } }).containers!);
    expect(s3).toEqual({
      engine: 'athena',
      export: { kind: 's3', bucket: 'my-cur', prefix: 'cur2/' },
      athena: { workgroup: 'cost-watch', database: 'cost_watch', table: 'cur2', scanLimitGiB: 10 },
    });
    const local = resolveContainers(parseConfig({ containers: { export: { path: 'file:///data/cur/my-export' } } }).containers!);
    expect(local.engine).toBe('duckdb');
    expect(local.export).toEqual({ kind: 'file', dir: '/data/cur/my-export', url: 'file:///data/cur/my-export' });
  });

  it('re-parses its own output unchanged, as the stack hands it to the Lambdas', () => {
    for (const c of [
      contract,
      { export: { path: 'file:///tmp/x' } },
      { export: { bucket: 'b-1', prefix: '', name: 'e1' }, engine: 'duckdb' },
    ]) {
      const once = parseConfig({ containers: c });
      expect(parseConfig(JSON.parse(JSON.stringify(once))).containers).toEqual(once.containers);
    }
  });

  it.each([
    [{ engine: 'athena' }, /containers\.export: expected \{ "bucket", "prefix", "name"\? \} or \{ "path"/],
    [{ export: {} }, /containers\.export\.bucket: expected the S3 bucket of the CUR 2\.0 export/],
    [{ export: { bucket: 'My_Bucket' } }, /containers\.export\.bucket: expected an S3 bucket name/],
    [{ export: { bucket: 'b-1', prefix: 'cur2' } }, /containers\.export\.prefix: expected a key prefix ending in "\/"/],
    [{ export: { bucket: 'b-1', name: 'a/b' } }, /containers\.export\.name: expected the export name/],
    [{ export: { path: 'data/cur' } }, /containers\.export\.path: expected a file:\/\/\/ URL/],
    [{ export: { path: 'file:///x', bucket: 'b-1' } }, /containers\.export\.path: expected either "path" or "bucket"/],
    [{ export: { path: 'file:///x' }, engine: 'athena' }, /containers\.engine: athena reads the export from S3/],
    [{ export: { bucket: 'b-1' }, engine: 'spark' }, /containers\.engine: expected one of athena, duckdb/],
    [{ export: { bucket: 'b-1' }, athena: { table: 'cur2"; drop' } }, /containers\.athena\.table: expected a Glue table name/],
    [{ export: { bucket: 'b-1' }, athena: { workgroup: '' } }, /containers\.athena\.workgroup: expected an Athena workgroup/],
    [{ export: { bucket: 'b-1' }, athena: { scanLimitGiB: 0 } }, /containers\.athena\.scanLimitGiB: expected at least 0\.01/],
    [{ export: { bucket: 'b-1', prefx: 'x/' } }, /containers\.export\.prefx: unknown key.*did you mean "prefix"/],
  ])('names the bad key: %j', (containers, expected) => {
    expect(messageOf(containers)).toMatch(expected);
  });

  it('exits 2 from validate-config naming the key path', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cw-containers-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ containers: { export: { bucket: 'my-cur' }, engine: 'bigquery' } }));
    const { code, stderr } = await runCli(['validate-config', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/containers\.engine: expected one of athena, duckdb/);
  });
});
