import { Duration, Stack } from 'aws-cdk-lib';
import { EventBus, Rule, type EventPattern } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { Trigger } from '../topology';
import { DeadLetterQueue } from './dead-letter-queue';

export const BUS_NAME = 'support-ledger';
export const ARCHIVE_RETENTION = Duration.days(90);

type BusTrigger = Extract<Trigger, { kind: 'bus' }>;

/**
 * The L2 `EventPattern` spells `detail-type` as `detailType` and renders it back; every other key
 * passes through unchanged. So the synthesized pattern equals the declared JSON (a test checks).
 */
export function toEventPattern(pattern: Record<string, unknown>): EventPattern {
  const { 'detail-type': detailType, ...rest } = pattern;
  return (detailType === undefined ? rest : { ...rest, detailType }) as EventPattern;
}

/** The integration-event bus, archived so events can be replayed. */
export class LedgerBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: BUS_NAME });
    this.bus.archive('Archive', {
      description: 'Every event published on the support-ledger bus, for replay',
      eventPattern: { account: [Stack.of(this).account] },
      retention: ARCHIVE_RETENTION,
    });
  }

  /** A rule on this bus with the declared pattern, delivering to `fn` with retries and a DLQ. */
  route(scope: Construct, id: string, trigger: BusTrigger, fn: IFunction): Rule {
    const deadLetters = new DeadLetterQueue(scope, `${id}DeadLetters`);
    return new Rule(scope, id, {
      eventBus: this.bus,
      description: `support-ledger ${trigger.rule}`,
      eventPattern: toEventPattern(trigger.pattern),
      targets: [
        new LambdaFunction(fn, {
          retryAttempts: trigger.retryAttempts,
          maxEventAge: Duration.seconds(trigger.maxEventAgeSeconds),
          deadLetterQueue: deadLetters.queue,
        }),
      ],
    });
  }
}
