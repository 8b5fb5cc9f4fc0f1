import type { PreTokenGenerationV2TriggerEvent, PreTokenGenerationV2TriggerHandler } from 'aws-lambda';
import { DISTRIBUTOR_CLAIM } from '../http/auth';
import { DISTRIBUTOR_ATTRIBUTE } from './attributes';

/**
 * Cognito access tokens carry the user's groups (`cognito:groups`, the roles) but never custom
 * attributes. This copies the distributor attribute into the access token's claims, where the
 * HTTP handlers read it; a user without the attribute gets the event back unchanged. Everything
 * else Cognito proposed (groups, scopes, other overrides) is kept: the groups in particular are
 * only replaced if the response names `groupOverrideDetails`, which this never does.
 */
export function withDistributorClaim(event: PreTokenGenerationV2TriggerEvent): PreTokenGenerationV2TriggerEvent {
  const distributorId = event.request.userAttributes?.[DISTRIBUTOR_ATTRIBUTE];
  if (typeof distributorId !== 'string' || distributorId === '') return event;
  // Cognito sends `claimsAndScopeOverrideDetails: null`.
  const details = event.response.claimsAndScopeOverrideDetails ?? {};
  const accessToken = details.accessTokenGeneration ?? {};
  event.response.claimsAndScopeOverrideDetails = {
    ...details,
    accessTokenGeneration: {
      ...accessToken,
      claimsToAddOrOverride: { ...accessToken.claimsToAddOrOverride, [DISTRIBUTOR_CLAIM]: distributorId },
    },
  };
  return event;
}

/** Pre token generation trigger of the staff user pool (event version V2_0). */
export const handler: PreTokenGenerationV2TriggerHandler = async (event) => withDistributorClaim(event);
