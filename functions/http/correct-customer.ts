import * as z from 'zod';
import { Locale } from '../../events/contract';
import { ContractIdParams } from './contract-id';
import { contractCommandRoute } from './contract-command';

const Body = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    taxId: z.string().trim().min(1).max(64).optional(),
    locale: Locale.optional(),
    /** Why, e.g. "privacy request 01…". */
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => b.name !== undefined || b.taxId !== undefined || b.locale !== undefined, { path: ['name'], message: 'Give at least one of name, taxId, locale.' });

/**
 * PATCH /v1/contracts/{id}/customer: staff (the DPO answering a rectification, or support)
 * correct the customer's name, tax id or language on file; what is not given stays. Every
 * correction is recorded (`CustomerDetailsCorrected`), the old values stay in the history.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'dpo', 'agent-l1'], params: ContractIdParams, body: Body, idempotency: 'optional' },
  ({ params, body }) => ({ type: 'CorrectCustomer', contractId: params.id, ...body }),
  (_events, { params }) => ({ status: 200, body: { contractId: params.id, corrected: true } }),
);
