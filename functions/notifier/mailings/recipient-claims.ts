import { ConditionalCheckFailedException, GetItemCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IDEMPOTENCY } from '../../tables';

/** How long a claim keeps others off a recipient while its e-mail is being sent (SES times out after 10 s, with 3 attempts). */
const LEASE_SECONDS = 45;
/** Kept as long as the notifier's event records: longer than the bus archive keeps events (90 days). */
const KEEP_SECONDS = 100 * 86_400;

export type Claim = 'claimed' | 'sent' | 'busy';

/**
 * One record per (source event, recipient) in the idempotency table, so a mailing reaches each
 * recipient once even when its event is redelivered or the notifier fails halfway and is run
 * again: before each send a conditional put claims the recipient (`sending`, with a lease), after
 * it the record says `sent`. A recipient already `sent` is passed over; one claimed by a run still
 * within its lease is `busy` (the caller fails, to be retried once that run is over); a claim whose
 * lease ran out without `sent` is taken over and sent again.
 *
 * Why not Powertools per recipient: it would do the same (in-progress records with an expiry) with
 * a hash for a key; these records keep a readable key (`mailing#<eventId>#<recipient>`) beside
 * Powertools' own ones, and one table serves both. The one window left is a run that dies after
 * SES accepted an e-mail and before `sent` was written: that recipient gets it twice (at least
 * once, never lost, which is what a product-safety notice needs).
 */
export class RecipientClaims {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: string,
  ) {}

  static key = (eventId: string, recipient: string): string => `mailing#${eventId}#${recipient}`;

  async claim(eventId: string, recipient: string, nowMs: number): Promise<Claim> {
    const id = RecipientClaims.key(eventId, recipient);
    const now = Math.floor(nowMs / 1000);
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            [IDEMPOTENCY.partitionKey.name]: { S: id },
            status: { S: 'sending' },
            leaseUntil: { N: String(now + LEASE_SECONDS) },
            [IDEMPOTENCY.timeToLiveAttribute]: { N: String(now + KEEP_SECONDS) },
          },
          ConditionExpression: 'attribute_not_exists(#id) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#id': IDEMPOTENCY.partitionKey.name, '#status': 'status' },
          ExpressionAttributeValues: { ':sending': { S: 'sending' }, ':now': { N: String(now) } },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.client.send(new GetItemCommand({ TableName: this.table, Key: { [IDEMPOTENCY.partitionKey.name]: { S: id } }, ConsistentRead: true }));
    return Item?.status?.S === 'sent' ? 'sent' : 'busy';
  }

  async sent(eventId: string, recipient: string, messageId: string | undefined): Promise<void> {
    await this.client.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { [IDEMPOTENCY.partitionKey.name]: { S: RecipientClaims.key(eventId, recipient) } },
        UpdateExpression: messageId ? 'SET #status = :sent, messageId = :messageId REMOVE leaseUntil' : 'SET #status = :sent REMOVE leaseUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': { S: 'sent' }, ...(messageId ? { ':messageId': { S: messageId } } : {}) },
      }),
    );
  }
}
