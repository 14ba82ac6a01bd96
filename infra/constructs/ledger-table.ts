import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** Partition key and TTL attribute the ledger code relies on (see CONTRACT "Ledger table"). */
export const LEDGER_SCHEMA = { partitionKey: 'pk', ttlAttribute: 'expiresAt' } as const;

/**
 * The alert ledger: one item per alert id, written before the alert counts as
 * sent, so retries never send twice. A handful of writes a day, so on-demand
 * billing; kept when the stack is deleted because it is the de-duplication memory.
 */
export class LedgerTable extends Construct {
  /** The DynamoDB table. */
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: LEDGER_SCHEMA.partitionKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: LEDGER_SCHEMA.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
