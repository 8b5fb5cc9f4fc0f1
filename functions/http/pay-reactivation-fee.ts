import * as z from 'zod';
import { MoneyBody } from './contract-bodies';
import { ContractIdParams } from './contract-id';
import { contractCommandRoute } from './contract-command';
import { decidedPayload } from './decided-event';

const PaymentBody = z.strictObject({ paid: MoneyBody, reference: z.string().trim().min(1).max(100) });

/**
 * POST /v1/contracts/{id}/reactivation-fee/payments: records a payment towards the fee of the
 * latest reinstatement (billing staff). Part payments reduce what is owed; once nothing is owed the
 * agreement covers again. A repeat of the same `reference` records nothing (and answers
 * `recorded: false`); 409 no_fee_outstanding when nothing is owed; 400 for another currency or
 * more than is owed.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing'], params: ContractIdParams, body: PaymentBody, idempotency: 'optional' },
  ({ params, body }) => ({ type: 'PayReactivationFee', contractId: params.id, paid: body.paid, reference: body.reference }),
  (events, { params, body }) => {
    const payment = decidedPayload(events, 'ReactivationFeePaid');
    if (!payment) return { status: 200, body: { contractId: params.id, reference: body.reference, recorded: false } };
    return {
      status: 200,
      body: { contractId: params.id, reference: payment.reference, recorded: true, paid: payment.paid, outstanding: payment.outstanding, settled: payment.outstanding.amount === 0 },
    };
  },
);
