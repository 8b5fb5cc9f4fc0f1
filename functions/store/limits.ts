import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { AppendTooLargeError } from '../../domain/errors';

/** DynamoDB's hard limits for one write request. */
export const MAX_TRANSACTION_ITEMS = 100;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
export const MAX_ITEM_BYTES = 400 * 1024;

/**
 * An item's size as DynamoDB counts it (attribute names plus values), rounded up for numbers so
 * the estimate never falls below DynamoDB's own figure.
 */
export function itemSize(item: Record<string, AttributeValue>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name) + valueSize(value);
  }
  return bytes;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.M !== undefined) return 3 + itemSize(value.M);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.SS !== undefined) return value.SS.reduce((s, v) => s + Buffer.byteLength(v), 0);
  if (value.NS !== undefined) return value.NS.reduce((s, v) => s + Math.ceil(v.length / 2) + 1, 0);
  return 0;
}

/** Refuses, before anything is sent, a write DynamoDB would reject. */
export function assertWritable(items: Record<string, AttributeValue>[]): void {
  if (items.length > MAX_TRANSACTION_ITEMS) {
    throw new AppendTooLargeError(
      `An append may write at most ${MAX_TRANSACTION_ITEMS} items (events plus idempotency record); this one has ${items.length}.`,
    );
  }
  let total = 0;
  items.forEach((item, i) => {
    const size = itemSize(item);
    if (size > MAX_ITEM_BYTES) {
      throw new AppendTooLargeError(`Item ${i + 1} of the append is ${size} bytes; DynamoDB allows ${MAX_ITEM_BYTES}.`);
    }
    total += size;
  });
  if (total > MAX_TRANSACTION_BYTES) {
    throw new AppendTooLargeError(`The append is ${total} bytes; one DynamoDB transaction allows ${MAX_TRANSACTION_BYTES}.`);
  }
}
