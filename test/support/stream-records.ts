import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

let sequence = 1000;

/** The stream records DynamoDB would emit for the items of a stream (as the real event shape). */
export async function streamRecords(client: DynamoDBClient, eventsTable: string, streamId: string): Promise<DynamoDBRecord[]> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: eventsTable,
      KeyConditionExpression: 'streamId = :s',
      ExpressionAttributeValues: { ':s': { S: streamId } },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => ({
    eventID: `id-${sequence}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-north-1',
    eventSourceARN: `arn:aws:dynamodb:eu-north-1:000000000000:table/${eventsTable}/stream/local`,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: { streamId: item.streamId, version: item.version } as never,
      NewImage: item as never,
      SequenceNumber: String(sequence++).padStart(21, '0'),
      SizeBytes: 300,
      StreamViewType: 'NEW_IMAGE',
    },
  }));
}

export const streamEvent = (records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });
