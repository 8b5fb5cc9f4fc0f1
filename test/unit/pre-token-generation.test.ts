import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../domain/errors';
import { DISTRIBUTOR_ATTRIBUTE } from '../../functions/auth/attributes';
import { handler } from '../../functions/auth/pre-token-generation';
import { DISTRIBUTOR_CLAIM, ROLE_CLAIM, staffCaller } from '../../functions/http/auth';

/** A V2_0 pre token generation event as Cognito sends it (response details arrive as null). */
function cognitoEvent(userAttributes: Record<string, string>, groups: string[]): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-north-1',
    userPoolId: 'eu-north-1_AbCdEf123',
    userName: '6c2b19f4-8071-70a4-55e1-1e0c2d3b4a5f',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '3n4b5urk1ft4fl3mg5e62d9ado' },
    request: {
      userAttributes: {
        sub: '6c2b19f4-8071-70a4-55e1-1e0c2d3b4a5f',
        'cognito:user_status': 'CONFIRMED',
        email: 'agent@distributor.example',
        email_verified: 'true',
        ...userAttributes,
      },
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: null as unknown as undefined },
      scopes: ['openid', 'email', 'support-ledger/staff'],
    },
    response: { claimsAndScopeOverrideDetails: null as unknown as {} },
  };
}

const invoke = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> =>
  (await handler(event, {} as Context, () => undefined)) as PreTokenGenerationV2TriggerEvent;

/**
 * The claims of the access token Cognito would issue from the trigger's answer, as API Gateway's
 * JWT authorizer hands them to a handler (array claims as "[a b]").
 */
function accessTokenClaims(answer: PreTokenGenerationV2TriggerEvent): Record<string, string> {
  const { sub } = answer.request.userAttributes;
  const groups = answer.request.groupConfiguration.groupsToOverride ?? [];
  const added = answer.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride ?? {};
  return {
    sub: sub!,
    token_use: 'access',
    ...(groups.length > 0 ? { [ROLE_CLAIM]: `[${groups.join(' ')}]` } : {}),
    ...Object.fromEntries(Object.entries(added).map(([k, v]) => [k, String(v)])),
  };
}
const apiEvent = (claims: Record<string, string>) =>
  ({ requestContext: { authorizer: { jwt: { claims, scopes: ['support-ledger/staff'] } } } }) as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;

describe('pre token generation (V2_0)', () => {
  it('reads the attribute Cognito spells custom:distributorId and writes the claim the handlers read', () => {
    expect(DISTRIBUTOR_ATTRIBUTE).toBe('custom:distributorId');
    expect(DISTRIBUTOR_CLAIM).toBe('custom:distributorId');
  });

  it("adds an agent's distributor to the access token claims, and nothing else", async () => {
    const event = cognitoEvent({ [DISTRIBUTOR_ATTRIBUTE]: 'dist-042' }, ['agent-l0']);
    const before = structuredClone(event);
    const answer = await invoke(event);
    expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { [DISTRIBUTOR_CLAIM]: 'dist-042' } },
    });
    // The groups (roles) are kept: no groupOverrideDetails, which would replace them.
    expect(answer.response.claimsAndScopeOverrideDetails).not.toHaveProperty('groupOverrideDetails');
    expect(answer.response.claimsAndScopeOverrideDetails).not.toHaveProperty('idTokenGeneration');
    expect({ ...answer, response: before.response }).toEqual(before);
  });

  it.each([
    ['an agent without the attribute', {}, ['agent-l0']],
    ['a user with an empty attribute', { [DISTRIBUTOR_ATTRIBUTE]: '' }, ['agent-l0']],
    ['vendor staff', {}, ['agent-l1', 'billing']],
    ['a user in no group', {}, []],
  ])('leaves the event untouched for %s', async (_, attributes, groups) => {
    const event = cognitoEvent(attributes, groups);
    const before = structuredClone(event);
    const answer = await invoke(event);
    expect(answer).toEqual(before);
    expect(answer.response.claimsAndScopeOverrideDetails).toBeNull();
  });

  it('keeps overrides already in the response', async () => {
    const event = cognitoEvent({ [DISTRIBUTOR_ATTRIBUTE]: 'dist-7' }, ['agent-l0']);
    event.response.claimsAndScopeOverrideDetails = {
      idTokenGeneration: { claimsToSuppress: ['email'] },
      accessTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' }, scopesToSuppress: ['email'] },
    };
    const answer = await invoke(event);
    expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToSuppress: ['email'] },
      accessTokenGeneration: { claimsToAddOrOverride: { tier: 'gold', [DISTRIBUTOR_CLAIM]: 'dist-7' }, scopesToSuppress: ['email'] },
    });
  });

  it('produces tokens the HTTP handlers accept for an agent with a distributor, and refuse (403) without', async () => {
    const withDistributor = accessTokenClaims(await invoke(cognitoEvent({ [DISTRIBUTOR_ATTRIBUTE]: 'dist-042' }, ['agent-l0'])));
    expect(staffCaller(apiEvent(withDistributor), ['agent-l0'])).toMatchObject({ roles: ['agent-l0'], distributorId: 'dist-042' });

    const without = accessTokenClaims(await invoke(cognitoEvent({}, ['agent-l0'])));
    expect(without).not.toHaveProperty(DISTRIBUTOR_CLAIM);
    expect(() => staffCaller(apiEvent(without), ['agent-l0'])).toThrow(ForbiddenError);
  });
});
