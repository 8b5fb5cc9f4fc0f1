import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Actor } from '../../events/envelope';
import { ForbiddenError, UnauthorizedError } from '../../domain/errors';
import { isRole, type Role } from '../../domain/roles';

/** The staff member behind a request, from the claims the JWT authorizer verified. */
export interface StaffCaller {
  sub: string;
  roles: Role[];
  /** Set for distributor agents (`agent-l0`): the only customers they may see or act on. */
  distributorId?: string;
}

export const ROLE_CLAIM = 'cognito:groups';
export const DISTRIBUTOR_CLAIM = 'custom:distributorId';

/**
 * API Gateway hands claims over as strings: an array claim arrives as "[a b c]". Accepts that,
 * a JSON array, a real array, or a single value.
 */
export function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value.trim() === '') return [];
  const text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // API Gateway's own "[a b]" form
    }
    return text.slice(1, -1).split(/[\s,]+/).filter(Boolean);
  }
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Checks the caller holds one of `allowed` roles (the authorizer already checked the token). */
export function staffCaller(event: APIGatewayProxyEventV2WithJWTAuthorizer, allowed: readonly Role[]): StaffCaller {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || sub === '' || sub.length > 200) throw new UnauthorizedError('A valid staff token is required.');
  const roles = claimList(claims[ROLE_CLAIM]).filter(isRole);
  const distributorClaim = claims[DISTRIBUTOR_CLAIM];
  const distributorId = typeof distributorClaim === 'string' && distributorClaim !== '' ? distributorClaim : undefined;
  if (!roles.some((r) => allowed.includes(r))) {
    throw new ForbiddenError(`This needs one of the roles ${allowed.join(', ')}.`);
  }
  const caller = { sub, roles, distributorId };
  if (isDistributorOnly(caller) && !distributorId) throw new ForbiddenError('A distributor agent token must name its distributor.');
  return caller;
}

/** A distributor agent acts only within its own distributor; everyone else is unrestricted. */
export const isDistributorOnly = (caller: StaffCaller): boolean =>
  caller.roles.every((r) => r === 'agent-l0');

export function assertMayAccessDistributor(caller: StaffCaller, distributorId: string | undefined): void {
  if (!isDistributorOnly(caller)) return;
  if (!caller.distributorId || caller.distributorId !== distributorId) {
    throw new ForbiddenError("This belongs to another distributor's customer.");
  }
}

export const staffActor = (caller: StaffCaller): Actor => ({ kind: 'staff', id: caller.sub, role: caller.roles[0] });
