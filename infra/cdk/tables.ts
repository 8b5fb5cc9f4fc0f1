import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
  type Attribute,
} from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLES, type KeyAttribute, type TableDefinition, type TableId } from '../../functions/tables';

const attribute = ({ name, type }: KeyAttribute): Attribute => ({
  name,
  type: type === 'N' ? AttributeType.NUMBER : AttributeType.STRING,
});

const STREAM_VIEW = { NEW_IMAGE: StreamViewType.NEW_IMAGE } as const;

export interface LedgerTable {
  definition: TableDefinition;
  table: Table;
  /** ARNs of the table's indexes, so a grant names each index instead of `index/*`. */
  indexArns: string[];
}

/**
 * The DynamoDB tables of functions/tables.ts (keys, indexes, stream and TTL from there, never
 * re-typed), on demand, point-in-time recoverable, protected from deletion, encrypted with one
 * customer-managed key that rotates. Physical names are generated; functions get them by env var.
 */
export class LedgerTables extends Construct {
  readonly key: Key;
  readonly byId: Record<TableId, LedgerTable>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'support-ledger: encrypts the DynamoDB tables and their streams',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const entries = TABLES.map((definition: TableDefinition) => [definition.id, this.createTable(definition)] as const);
    this.byId = Object.fromEntries(entries) as Record<TableId, LedgerTable>;
  }

  private createTable(definition: TableDefinition): LedgerTable {
    const table = new Table(this, definition.id, {
      partitionKey: attribute(definition.partitionKey),
      sortKey: definition.sortKey && attribute(definition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      stream: definition.stream && STREAM_VIEW[definition.stream],
      timeToLiveAttribute: definition.timeToLiveAttribute,
    });
    for (const index of definition.indexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey && attribute(index.sortKey),
        projectionType: ProjectionType.KEYS_ONLY,
      });
    }
    const indexArns = (definition.indexes ?? []).map((index) => `${table.tableArn}/index/${index.name}`);
    return { definition, table, indexArns };
  }
}
