import { ulid } from 'ulid';
import * as z from 'zod';
import { Locale } from '../../events/contract';
import { ForbiddenError } from '../../domain/errors';
import { isDistributorOnly, type StaffCaller } from './auth';
import { AddOnBody, CountryBody, CustomerId, LicenceBody, PersonBody, SerialNumbers } from './contract-bodies';
import { answerContractCommand } from './contract-command';
import { route } from './route';

const CreateContractBody = z.strictObject({
  customer: z.strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    locale: Locale.default('en'),
    taxId: z.string().trim().min(1).max(32).optional(),
    /** Groups the customer's contracts in the ledger (e.g. the accounting system's customer number). */
    customerId: CustomerId.optional(),
    country: CountryBody.optional(),
  }),
  planId: z.string().min(1).max(64),
  startsOn: z.iso.date(),
  termMonths: z.int().min(1).max(120),
  timeZone: z.string().min(1).max(64).optional(),
  distributorId: z.string().trim().min(1).max(64).optional(),
  regionId: z.string().min(1).max(64).optional(),
  licencePackages: z.int().min(1).max(100_000).optional(),
  serialNumbers: SerialNumbers.optional(),
  addOns: z.array(AddOnBody).max(20).optional(),
  registeredPersons: z.array(PersonBody).max(50).optional(),
  licence: LicenceBody.optional(),
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
    const { body: { registeredPersons, ...body }, caller } = request;
    const contractId = ulid();
    return answerContractCommand(
      request,
      contractId,
      {
        type: 'CreateContract',
        contractId,
        ...body,
        ...(registeredPersons ? { registeredPersons: registeredPersons.map((person) => ({ personId: ulid(), ...person })) } : {}),
        distributorId: distributorFor(caller!, body.distributorId),
      },
      () => ({ status: 201, body: { contractId }, headers: { location: `/v1/contracts/${contractId}` } }),
    );
  },
);
