import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Lambda bundles use this in place of the SDK's default credential chain (see
 * `infra/bundling.ts`): in Lambda the credentials are always in the environment, and the chain's
 * SSO, STS, INI and instance-metadata providers add about 90 KB to every bundle.
 */
export const defaultProvider = fromEnv;
