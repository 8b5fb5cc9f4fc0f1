import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/**
 * Where an event goes after its retries are spent: encrypted, SSL only, kept 14 days (the SQS
 * maximum) so an operator can inspect and redrive it.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      // SSE-SQS: EventBridge can deliver to it without a key policy, and nothing else reads it.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.queue, 'deadLetterQueueWithoutDlq');
  }
}
