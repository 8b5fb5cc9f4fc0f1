import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EVENTS } from '../../functions/tables';
import { uniqueStream } from '../support/fixtures';
import { rawEventItem } from './payloads';
import { runWriters, type Run } from './stats';

/**
 * The ceiling: plain conditional PutItems (attribute_not_exists) of an item shaped and sized
 * like a stored event, into the same events table, each writer on its own stream.
 */
export function benchRawPuts(client: DynamoDBClient, table: string, writers: number, opsPerWriter: number): Promise<Run> {
  return runWriters({
    writers,
    opsPerWriter,
    setup: async () => {
      const streamId = uniqueStream();
      return { item: rawEventItem(streamId, 1) };
    },
    op: async (state, i) => {
      await client.send(
        new PutItemCommand({
          TableName: table,
          Item: { ...state.item, [EVENTS.sortKey.name]: { N: String(i + 1) } },
          ConditionExpression: 'attribute_not_exists(#v)',
          ExpressionAttributeNames: { '#v': EVENTS.sortKey.name },
        }),
      );
    },
  });
}
