import { Duration } from 'aws-cdk-lib';
import { StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import type { Trigger } from '../topology';
import { DeadLetterQueue } from './dead-letter-queue';
import type { LedgerTables } from './tables';

type StreamTrigger = Extract<Trigger, { kind: 'stream' }>;

/**
 * Feeds a table's stream to `fn` in order (one batch per shard at a time), from the oldest record
 * kept, splitting failing batches and honouring partial batch failures; a batch that still fails
 * after the declared retries is recorded in an on-failure queue.
 */
export function consumeStream(scope: Construct, id: string, trigger: StreamTrigger, fn: IFunction, tables: LedgerTables): void {
  const deadLetters = new DeadLetterQueue(scope, `${id}DeadLetters`);
  fn.addEventSource(
    new DynamoEventSource(tables.byId[trigger.table].table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: trigger.batchSize,
      maxBatchingWindow: Duration.seconds(trigger.maxBatchingWindowSeconds),
      retryAttempts: trigger.retryAttempts,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      parallelizationFactor: 1,
      onFailure: new SqsDlq(deadLetters.queue),
    }),
  );
}
