import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DISTRIBUTOR_CLAIM, ROLE_CLAIM } from '../../functions/http/auth';
import type { Role } from '../../domain/roles';
import { STAFF_SCOPE } from '../topology';

/**
 * Staff tokens for the local runtime: HS256 JWTs signed with a development key that lives in
 * the local data folder. In AWS the HTTP API's JWT authorizer verifies Cognito tokens instead;
 * the claims have the same names (`cognito:groups`, `custom:distributorId`, `scope`).
 */
export const LOCAL_ISSUER = 'support-ledger-local';
export const LOCAL_AUDIENCE = 'support-ledger-staff';

export function loadOrCreateKey(file: string): Uint8Array {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

export interface TokenRequest {
  role: Role;
  sub?: string;
  distributorId?: string;
  scope?: string;
  expiresIn?: string;
}

export function signStaffToken(key: Uint8Array, request: TokenRequest): Promise<string> {
  const claims: JWTPayload = { [ROLE_CLAIM]: [request.role], scope: request.scope ?? STAFF_SCOPE, token_use: 'access' };
  if (request.distributorId) claims[DISTRIBUTOR_CLAIM] = request.distributorId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.sub ?? ['local', request.role, request.distributorId].filter(Boolean).join('-'))
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '12h')
    .sign(key);
}

/** Verifies a bearer token as API Gateway's JWT authorizer would; undefined when it is not valid. */
export async function verifyStaffToken(key: Uint8Array, token: string): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] });
    return payload;
  } catch {
    return undefined;
  }
}

/** Claims as API Gateway passes them to a Lambda: every value a string, arrays as "[a b]". */
export function claimsAsApiGateway(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
}
