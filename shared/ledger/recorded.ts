import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import type { AlertSubject } from '../alerts/alert.js';
import { subjectScan } from './table.js';

/**
 * The keys the ledger has recorded for one job and scope: delivered alerts
 * carry their subject, mutes theirs. A Scan: for the CLI's checks, never on a job's path.
 */
export async function recordedKeys(ddb: DynamoDBClient, table: string, subject: Pick<AlertSubject, 'job' | 'scope'>): Promise<Set<string>> {
  const scan = subjectScan(subject);
  const keys = new Set<string>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await ddb
      .send(
        new ScanCommand({
          TableName: table,
          FilterExpression: scan.filter,
          ProjectionExpression: scan.projection,
          ExpressionAttributeNames: scan.names,
          ExpressionAttributeValues: scan.values,
          ExclusiveStartKey: start,
        }),
      )
      .catch((err: unknown) => {
        throw explainAwsError(err, `DynamoDB Scan on ledger table ${table}`, 'dynamodb:Scan');
      });
    for (const item of out.Items ?? []) {
      const key = scan.subjectKey(item);
      if (key) keys.add(key);
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return keys;
}
