import type { AthenaClient } from '@aws-sdk/client-athena';
import { AthenaQueryError, runAthenaQuery, type PollOptions } from '../aws/athena.js';
import { errorMessage, isAccessDenied } from '../aws/errors.js';
import type { AthenaConfig } from '../config/containers.js';
import { ContainersGapError, namespaceRows, type ContainersEngine } from './engine.js';
import { namespaceCostSql } from './sql.js';

/**
 * The deployed engine: the query runs in the stack's Athena workgroup (which
 * holds the output location and the per-query scan limit) against the Glue
 * table over the export. No servers of ours; Athena bills per byte scanned,
 * which partition pruning keeps to the two months read.
 */
export function athenaEngine(client: AthenaClient, athena: AthenaConfig, poll: PollOptions = {}): ContainersEngine {
  const source = `athena:${athena.database}.${athena.table} (workgroup ${athena.workgroup})`;
  return {
    name: 'athena',
    async run(q) {
      const sql = namespaceCostSql({ ...q, table: athena.table });
      try {
        const answer = await runAthenaQuery(client, { sql, workgroup: athena.workgroup, database: athena.database }, poll);
        return { rows: namespaceRows(answer.columns, answer.rows), source, scannedBytes: answer.scannedBytes };
      } catch (err) {
        throw explain(err, athena);
      }
    },
  };
}

function explain(err: unknown, a: AthenaConfig): ContainersGapError {
  const said = errorMessage(err);
  if (err instanceof AthenaQueryError) {
    const why = /scan(ned)? limit|bytes scanned/i.test(said)
      ? `it read more than the workgroup's limit (containers.athena.scanLimitGiB)`
      : /permission|access denied|not authorized/i.test(said)
        ? 'access was denied to the Glue table, the export bucket or the workgroup output location'
        : `it ${err.state.toLowerCase()}`;
    return new ContainersGapError(
      `Athena query ${err.queryExecutionId} on ${a.database}.${a.table} did not finish: ${why}. Athena said: ${said}`,
      'athena:GetQueryExecution',
      { cause: err },
    );
  }
  const operation = /GetQueryResults/.test(said) ? 'athena:GetQueryResults' : 'athena:StartQueryExecution';
  if (isAccessDenied(err))
    return new ContainersGapError(
      `denied: the report needs athena:StartQueryExecution, athena:GetQueryExecution and athena:GetQueryResults on workgroup ` +
        `"${a.workgroup}", and glue:GetTable on ${a.database}.${a.table}. AWS said: ${said}`,
      operation,
      { cause: err },
    );
  if (/WorkGroup.*not found|not found.*workgroup/i.test(said))
    return new ContainersGapError(
      `Athena workgroup "${a.workgroup}" was not found (containers.athena.workgroup). AWS said: ${said}`,
      operation,
      {
        cause: err,
      },
    );
  return new ContainersGapError(`Athena query failed: ${said}`, operation, { cause: err });
}
