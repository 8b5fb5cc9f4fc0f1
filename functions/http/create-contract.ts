import { ulid } from 'ulid';
import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { Locale } from '../../events/contract';
import { CONTRACT_CATEGORY, contractDecider } from '../../domain/contract/decider';
import { ForbiddenError } from '../../domain/errors';
import { runCommand } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { eventStore } from '../runtime/store';
import { isDistributorOnly, type StaffCaller } from './auth';
import { route, type RouteResponse } from './route';

const CreateContractBody = z.strictObject({
  customer: z.strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    locale: Locale.default('en'),
  }),
  planId: z.string().min(1).max(64),
  startsOn: z.iso.date(),
  termMonths: z.int().min(1).max(120),
  timeZone: z.string().min(1).max(64).optional(),
  distributorId: z.string().trim().min(1).max(64).optional(),
  regionId: z.string().min(1).max(64).optional(),
  licencePackages: z.int().min(1).max(100_000).optional(),
});

/** A distributor agent creates contracts only for its own distributor. */
function distributorFor(caller: StaffCaller, requested: string | undefined): string | undefined {
  if (!isDistributorOnly(caller)) return requested;
  if (requested !== undefined && requested !== caller.distributorId) {
    throw new ForbiddenError('A distributor agent can only create contracts for its own distributor.');
  }
  return caller.distributorId;
}

/** POST /v1/contracts: creates a contract; with an Idempotency-Key, a repeat returns the first answer. */
export const handler = route(
  { roles: ['admin', 'agent-l1', 'billing', 'agent-l0'], body: CreateContractBody, idempotency: 'optional' },
  async (request) => {
    const { body, caller } = request;
    const contractId = ulid();
    const { response, replayed } = await runCommand(eventStore(), {
      decider: contractDecider,
      streamId: streamId(CONTRACT_CATEGORY, contractId),
      catalog: activeCatalog(),
      command: { type: 'CreateContract', contractId, ...body, distributorId: distributorFor(caller!, body.distributorId) },
      metadata: { occurredAt: request.now, correlationId: request.correlationId, causationId: request.requestId, actor: request.actor },
      idempotency: request.idempotency,
      respond: (): RouteResponse => ({
        status: 201,
        body: { contractId },
        headers: { location: `/v1/contracts/${contractId}` },
      }),
    });
    return replayed ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } } : response;
  },
);
