import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { explainAwsError } from '../aws/errors.js';
import type { AlertSubject } from '../alerts/alert.js';

/**
 * The keys the ledger has recorded for one job and scope: delivered alerts
 * carry their subject, mutes theirs. A Scan: for the CLI's checks, never on a job's path.
 */
export async function recordedKeys(ddb: DynamoDBClient, table: string, subject: Pick<AlertSubject, 'job' | 'scope'>): Promise<Set<string>> {
  const keys = new Set<string>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const out = await ddb
      .send(
        new ScanCommand({
          TableName: table,
          FilterExpression: 'job = :job AND #scope = :scope',
          ProjectionExpression: '#key',
          ExpressionAttributeNames: { '#scope': 'scope', '#key': 'key' },
          ExpressionAttributeValues: { ':job': { S: subject.job }, ':scope': { S: subject.scope } },
          ExclusiveStartKey: start,
        }),
      )
      .catch((err: unknown) => {
        throw explainAwsError(err, `DynamoDB Scan on ledger table ${table}`, 'dynamodb:Scan');
      });
    for (const item of out.Items ?? []) if (item.key?.S) keys.add(item.key.S);
    start = out.LastEvaluatedKey;
  } while (start);
  return keys;
}
