import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { KMSClient } from '@aws-sdk/client-kms';
import { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * One client of each kind per Lambda container, created on first use. Endpoints come from the
 * SDK's standard environment variables (AWS_ENDPOINT_URL_DYNAMODB, …_SESV2, …_EVENTBRIDGE, …_KMS), which
 * only the local runtime and the tests set. Marked pure so a bundle keeps only the clients it uses.
 */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

export const dynamo = /* @__PURE__ */ once(() => new DynamoDBClient({ maxAttempts: 4 }));
export const eventBridge = /* @__PURE__ */ once(() => new EventBridgeClient({ maxAttempts: 4 }));
export const sesv2 = /* @__PURE__ */ once(
  () => new SESv2Client({ maxAttempts: 3, requestHandler: { requestTimeout: 10_000, throwOnRequestTimeout: true } }),
);
export const kms = /* @__PURE__ */ once(() => new KMSClient({ maxAttempts: 4 }));
