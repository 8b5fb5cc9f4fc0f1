import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DomainEvent } from '../../events/catalog';
import type { LedgerLine } from '../../domain/ledger/line';
import { fromItem } from '../../functions/store/event-item';
import type { TestRuntime } from './local-runtime';

/** Every item of a table (all pages, strongly consistent). */
export async function scanAll(rt: TestRuntime, table: string): Promise<Record<string, AttributeValue>[]> {
  const client = new DynamoDBClient({ endpoint: rt.dynamoEndpoint, region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every event in the runtime's events table. */
export const allEvents = async (rt: TestRuntime): Promise<DomainEvent[]> => (await scanAll(rt, rt.tables.events)).filter((i) => i.type?.S).map(fromItem);

/** Lines in the ledger's order: customer, date, line id. */
export const ledgerOrder = (a: LedgerLine, b: LedgerLine): number => {
  const key = (l: LedgerLine) => `${l.customerId}\u0000${l.date}\u0000${l.lineId}`;
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The ledger the projector stored: every `ledger#` row, in ledger order. */
export async function storedLedger(rt: TestRuntime): Promise<LedgerLine[]> {
  return (await scanAll(rt, rt.tables.views))
    .filter((i) => i.pk.S!.startsWith('ledger#'))
    .map((i) => JSON.parse(i.data.S!) as LedgerLine)
    .sort(ledgerOrder);
}
