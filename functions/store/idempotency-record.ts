import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { IDEMPOTENCY } from '../tables';

/** What a request with an idempotency key left behind: the hash of the request and its first answer. */
export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  response: unknown;
}

/** How an append records its request: written in the same transaction as the events. */
export interface IdempotencyWrite extends IdempotencyRecord {
  ttlSeconds: number;
}

const KEY = IDEMPOTENCY.partitionKey.name;
const EXPIRATION = IDEMPOTENCY.timeToLiveAttribute;

export const idempotencyKey = (key: string): Record<string, AttributeValue> => ({ [KEY]: { S: key } });

export function toIdempotencyItem(write: IdempotencyWrite, nowMs: number): Record<string, AttributeValue> {
  return {
    ...idempotencyKey(write.key),
    requestHash: { S: write.requestHash },
    response: { S: JSON.stringify(write.response) },
    [EXPIRATION]: { N: String(Math.floor(nowMs / 1000) + write.ttlSeconds) },
  };
}

/** A record is absent or expired (TTL deletion lags, so expired records are overwritten). */
export const idempotencyFreeCondition = (nowMs: number) => ({
  ConditionExpression: `attribute_not_exists(#key) OR #exp < :now`,
  ExpressionAttributeNames: { '#key': KEY, '#exp': EXPIRATION },
  ExpressionAttributeValues: { ':now': { N: String(Math.floor(nowMs / 1000)) } },
});

export function fromIdempotencyItem(item: Record<string, AttributeValue> | undefined, nowMs: number): IdempotencyRecord | undefined {
  if (!item) return undefined;
  if (Number(item[EXPIRATION]?.N ?? 0) < Math.floor(nowMs / 1000)) return undefined;
  return { key: item[KEY].S!, requestHash: item.requestHash.S!, response: JSON.parse(item.response.S!) };
}
