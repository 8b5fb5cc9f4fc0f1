import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { Trigger } from '../topology';
import { DeadLetterQueue } from './dead-letter-queue';

/** Schedules declare no retry policy; sweepers are idempotent, so a failed run is retried. */
export const SCHEDULE_RETRY = { retryAttempts: 4, maxEventAge: Duration.hours(1) };

type ScheduleTrigger = Extract<Trigger, { kind: 'schedule' }>;

/** A rule on the default bus firing `fn` on the declared schedule expression, passed verbatim. */
export function schedule(scope: Construct, id: string, trigger: ScheduleTrigger, fn: IFunction): Rule {
  const deadLetters = new DeadLetterQueue(scope, `${id}DeadLetters`);
  return new Rule(scope, id, {
    description: `support-ledger ${trigger.name}`,
    schedule: Schedule.expression(trigger.expression),
    targets: [new LambdaFunction(fn, { ...SCHEDULE_RETRY, deadLetterQueue: deadLetters.queue })],
  });
}
