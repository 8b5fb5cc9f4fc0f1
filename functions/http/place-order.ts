import { ulid } from 'ulid';
import * as z from 'zod';
import { Locale } from '../../events/contract';
import { AddOnBody, CatalogId, CountryBody, LicenceBody, LicencePackages, PersonBody, SerialNumbers } from './contract-bodies';
import { answerContractCommand } from './contract-command';
import { decidedPayload } from './decided-event';
import { route } from './route';

/** The website order form. The catalog (in the decider) checks plans, regions, add-ons and seats. */
const PlaceOrderBody = z.strictObject({
  customer: z.strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    locale: Locale,
    timeZone: z.string().min(1).max(64).optional(),
    taxId: z.string().trim().min(1).max(64).optional(),
    segment: CatalogId.optional(),
    country: CountryBody.optional(),
  }),
  regionId: CatalogId.optional(),
  planId: CatalogId,
  termMonths: z.int().min(1).max(120),
  startsOn: z.iso.date(),
  licencePackages: LicencePackages.optional(),
  addOns: z.array(AddOnBody).max(20).optional(),
  registeredPersons: z.array(PersonBody).max(50).optional(),
  serialNumbers: SerialNumbers.optional(),
  licence: LicenceBody.optional(),
});

/**
 * POST /v1/public/orders: the website order form. Requires an Idempotency-Key (a repeat answers
 * the first answer and writes nothing). The order is only placed: staff activate it later.
 */
export const handler = route({ body: PlaceOrderBody, idempotency: 'required' }, async (request) => {
  const { registeredPersons, ...body } = request.body;
  const contractId = ulid();
  return answerContractCommand(
    request,
    contractId,
    {
      type: 'PlaceOrder',
      contractId,
      channel: 'website',
      ...body,
      ...(registeredPersons ? { registeredPersons: registeredPersons.map((person) => ({ personId: ulid(), ...person })) } : {}),
    },
    (events) => {
      const ordered = decidedPayload(events, 'ContractOrdered');
      if (!ordered) throw new Error(`PlaceOrder decided no ContractOrdered for ${contractId}`);
      return { status: 202, body: { contractId, status: 'ordered', quote: ordered.quote } };
    },
  );
});
