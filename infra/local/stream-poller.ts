import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

const RECOVERABLE = new Set(['TrimmedDataAccessException', 'ExpiredIteratorException']);

export interface StreamPollerOptions {
  client: DynamoDBStreamsClient;
  streamArn: string;
  region: string;
  batchSize: number;
  retryAttempts: number;
  /** The projector (or any stream consumer), called with the DynamoDBStreamEvent AWS would send. */
  consume(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | void>;
  /** Where to keep the last handled sequence number per shard (data on disk); none: start at the oldest record. */
  checkpointFile?: string;
  intervalMs?: number;
}

/**
 * The local stand-in for Lambda's DynamoDB stream event source: reads each shard in order
 * (parents before children), hands batches to the consumer, retries from the first failed
 * record a bounded number of times, then skips that batch as an on-failure destination would.
 */
export class StreamPoller {
  private readonly checkpoints: Record<string, string>;
  private readonly finished = new Set<string>();
  private readonly failures = new Map<string, number>();
  private iterators = new Map<string, string>();
  private shards: Shard[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(private readonly options: StreamPollerOptions) {
    const file = options.checkpointFile;
    this.checkpoints = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  }

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      await this.pollOnce().catch((error) => console.error('[stream] poll failed:', error));
      if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs ?? 100);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over every open shard; resolves with the number of records handled. */
  pollOnce(): Promise<number> {
    if (!this.running) this.running = this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Polls until a whole pass finds nothing new (a pass that had to reopen a shard counts as progress). */
  async drain(): Promise<void> {
    for (let pass = 0; pass < 1000 && (await this.pollOnce()) > 0; pass++);
  }

  private async pass(): Promise<number> {
    const { StreamDescription } = await this.options.client.send(new DescribeStreamCommand({ StreamArn: this.options.streamArn }));
    this.shards = StreamDescription?.Shards ?? [];
    let handled = 0;
    for (const shard of this.shards) {
      const id = shard.ShardId!;
      if (this.finished.has(id)) continue;
      if (shard.ParentShardId && this.shards.some((s) => s.ShardId === shard.ParentShardId) && !this.finished.has(shard.ParentShardId)) continue;
      handled += await this.readShard(id);
    }
    return handled;
  }

  private async iterator(shardId: string, at?: string): Promise<string | undefined> {
    const checkpoint = this.checkpoints[shardId];
    const { ShardIterator } = await this.options.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.options.streamArn,
        ShardId: shardId,
        ...(at
          ? { ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: at }
          : checkpoint
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: checkpoint }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  private async readShard(shardId: string): Promise<number> {
    let iterator = this.iterators.get(shardId) ?? (await this.iterator(shardId));
    let records: StreamRecord[] = [];
    let next: string | undefined;
    try {
      const page = await this.options.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: this.options.batchSize }));
      records = page.Records ?? [];
      next = page.NextShardIterator;
    } catch (error) {
      this.iterators.delete(shardId);
      // An iterator that expired or points past the trim horizon: reopen the shard from the
      // checkpoint on the next pass, and report progress so a drain does not stop here.
      if (RECOVERABLE.has((error as Error).name)) return 1;
      throw error;
    }
    if (records.length === 0) {
      if (next) this.iterators.set(shardId, next);
      else this.finished.add(shardId);
      return 0;
    }
    const response = await this.options.consume({ Records: records.map((r) => this.toLambdaRecord(r)) }).catch((error) => {
      console.error('[stream] consumer threw; retrying the whole batch:', error);
      return { batchItemFailures: [{ itemIdentifier: records[0].dynamodb!.SequenceNumber! }] };
    });
    const failedAt = response?.batchItemFailures?.[0]?.itemIdentifier;
    if (failedAt) {
      const attempts = (this.failures.get(failedAt) ?? 0) + 1;
      this.failures.set(failedAt, attempts);
      if (attempts <= this.options.retryAttempts) {
        const index = records.findIndex((r) => r.dynamodb?.SequenceNumber === failedAt);
        if (index > 0) this.checkpoint(shardId, records[index - 1].dynamodb!.SequenceNumber!);
        iterator = (await this.iterator(shardId, failedAt))!;
        this.iterators.set(shardId, iterator);
        return index > 0 ? index : 0;
      }
      console.error(`[stream] giving up on records from ${failedAt} after ${attempts - 1} retries (on-failure destination)`);
      this.failures.delete(failedAt);
    }
    this.checkpoint(shardId, records.at(-1)!.dynamodb!.SequenceNumber!);
    if (next) this.iterators.set(shardId, next);
    else this.finished.add(shardId);
    return records.length;
  }

  private checkpoint(shardId: string, sequenceNumber: string): void {
    this.checkpoints[shardId] = sequenceNumber;
    if (this.options.checkpointFile) writeFileSync(this.options.checkpointFile, JSON.stringify(this.checkpoints));
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    const d = record.dynamodb!;
    return {
      eventID: record.eventID,
      eventName: record.eventName as DynamoDBRecord['eventName'],
      eventVersion: record.eventVersion ?? '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.options.region,
      eventSourceARN: this.options.streamArn,
      dynamodb: {
        ApproximateCreationDateTime: d.ApproximateCreationDateTime ? Math.floor(new Date(d.ApproximateCreationDateTime).getTime() / 1000) : undefined,
        Keys: d.Keys as DynamoDBRecord['dynamodb'] extends infer T ? (T extends { Keys?: infer K } ? K : never) : never,
        NewImage: d.NewImage as never,
        SequenceNumber: d.SequenceNumber,
        SizeBytes: d.SizeBytes,
        StreamViewType: d.StreamViewType as 'NEW_IMAGE',
      },
    };
  }
}
