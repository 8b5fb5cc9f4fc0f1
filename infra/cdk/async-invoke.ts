import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Construct } from 'constructs';
import { LAMBDA_ASYNC_RETRIES, type Trigger } from '../topology';
import { DeadLetterQueue } from './dead-letter-queue';
import { SCHEDULE_RETRY } from './schedules';

/** The range Lambda accepts for the maximum age of an asynchronous event. */
export const LAMBDA_EVENT_AGE_LIMITS = { min: Duration.minutes(1), max: Duration.hours(6) };

/** Triggers through which Lambda is invoked asynchronously (EventBridge rules and schedules). */
const asyncTriggerAge = (trigger: Trigger): Duration | undefined => {
  switch (trigger.kind) {
    case 'bus':
      return Duration.seconds(trigger.maxEventAgeSeconds);
    case 'schedule':
      return SCHEDULE_RETRY.maxEventAge;
    default:
      return undefined;
  }
};

/**
 * How long Lambda keeps retrying an event of these triggers: as long as the most patient of them
 * lets EventBridge try (one function has one asynchronous configuration), within Lambda's
 * limits; a bus trigger may allow EventBridge up to 24 hours, Lambda keeps an event 6 at most.
 * Undefined when no trigger invokes the function asynchronously.
 */
export function asyncEventAge(triggers: readonly Trigger[]): Duration | undefined {
  const seconds = triggers.flatMap((t) => asyncTriggerAge(t)?.toSeconds() ?? []);
  if (seconds.length === 0) return undefined;
  const { min, max } = LAMBDA_EVENT_AGE_LIMITS;
  return Duration.seconds(Math.min(max.toSeconds(), Math.max(min.toSeconds(), ...seconds)));
}

/**
 * Layer 2 of the retries described at LAMBDA_ASYNC_RETRIES: when the handler of a bus or
 * schedule event fails, Lambda retries it LAMBDA_ASYNC_RETRIES times within the event age, then
 * records it in an encrypted, SSL-only on-failure queue (the function's role may send to it)
 * instead of dropping it. Returns that queue, or undefined for a function never invoked
 * asynchronously.
 */
export function configureAsyncInvocation(
  scope: Construct,
  id: string,
  fn: IFunction,
  triggers: readonly Trigger[],
): DeadLetterQueue | undefined {
  const maxEventAge = asyncEventAge(triggers);
  if (!maxEventAge) return undefined;
  const failures = new DeadLetterQueue(scope, id);
  fn.configureAsyncInvoke({
    retryAttempts: LAMBDA_ASYNC_RETRIES,
    maxEventAge,
    onFailure: new SqsDestination(failures.queue),
  });
  return failures;
}
