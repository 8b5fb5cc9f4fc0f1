import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag (v3) runs AwsSolutionsChecks as a CDK validation plugin: any finding fails synth.
 * A finding is acknowledged only where it cannot be fixed, on the narrowest construct, one rule
 * id at a time, with the reason below. Every acknowledgement in the app goes through `acknowledge`.
 */
export const ACKNOWLEDGEMENTS = {
  /** On each function's role (its default policy). */
  wildcardResource: {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Only actions that support no resource-level permissions use Resource "*": xray:PutTraceSegments and ' +
      'xray:PutTelemetryRecords (active tracing) and, for the stream consumer, dynamodb:ListStreams. ' +
      'Every data action is scoped to its table, index, stream, bus, queue or SES identity.',
  },
  /** On each dead-letter and on-failure queue. */
  deadLetterQueueWithoutDlq: {
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself a dead-letter queue (on-failure destination of the events stream mapping or of a ' +
      "function's asynchronous invocations, or the DLQ of an EventBridge target); a dead-letter queue for a " +
      'dead-letter queue would only move the problem.',
  },
  /** On each route declared `auth: 'public'`. */
  publicRoute: {
    id: 'AwsSolutions-APIG4',
    reason:
      'Route declared public in infra/topology.ts: website forms that anonymous visitors submit. It is ' +
      'throttled per route (publicApi.rateLimit), limited by CORS origins, and its handler validates input.',
  },
} as const satisfies Record<string, { id: string; reason: string }>;

export type Acknowledgement = keyof typeof ACKNOWLEDGEMENTS;

export function acknowledge(scope: IConstruct, which: Acknowledgement): void {
  const { id, reason } = ACKNOWLEDGEMENTS[which];
  Validations.of(scope).acknowledge({ id, reason });
}

/** Registers the AWS Solutions rule pack on the whole app. */
export function applyNag(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(checks);
  return checks;
}
