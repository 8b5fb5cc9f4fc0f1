import { ulid } from 'ulid';
import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import { reportMatches } from '../../domain/ticket/intake';
import { activeCatalog } from '../runtime/catalog';
import { viewStore } from '../runtime/views';
import { openedContract } from './contract-view';
import { decidedPayload } from './decided-event';
import { route, type RouteResponse } from './route';
import { openedAnswer, Report } from './ticket-bodies';
import { runTicketCommand } from './ticket-command';

const SupportRequestBody = z.strictObject({
  contractNumber: z.string().trim().min(1).max(64),
  taxId: z.string().trim().min(1).max(64).optional(),
  ...Report,
});

const CONTRACT_NUMBER = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Read for a contract number that cannot exist, so every answer costs one view read. */
const NO_CONTRACT = '00000000000000000000000000';

/** The answer to a report whose details match no agreement: the same for an unknown contract number, a wrong serial number or tax id. */
export const NEUTRAL_REPORT_ANSWER: RouteResponse = {
  status: 202,
  body: { received: true, message: 'If the details match a support agreement, we will confirm your request by e-mail.' },
};

/**
 * POST /v1/public/support-requests: the website support-request form. When the contract number,
 * the device serial number and (where the plan asks for it) the end user's tax id match an
 * agreement, the ticket opens (201 with its reference and SLA due times) and the contact gets the
 * acknowledgement e-mail; an agreement that does not cover the request is a 409 `not_entitled`
 * with the remedy (renew). Otherwise the neutral 202 and nothing is written. Idempotency-Key
 * required.
 */
export const handler = route({ body: SupportRequestBody, idempotency: 'required' }, async (request) => {
  const { contractNumber, taxId, ...report } = request.body;
  const number = contractNumber.toUpperCase();
  const plausible = CONTRACT_NUMBER.test(number);
  const stored = await viewStore().get<ContractView>(streamId(CONTRACT_CATEGORY, plausible ? number : NO_CONTRACT));
  if (!plausible || !stored) return NEUTRAL_REPORT_ANSWER;
  const command = { contract: await openedContract(stored.view), ...(report.serialNumber ? { serialNumber: report.serialNumber } : {}), ...(taxId ? { taxId } : {}) };
  if (!reportMatches(command, activeCatalog())) return NEUTRAL_REPORT_ANSWER;

  const ticketId = ulid();
  const { response } = await runTicketCommand(request, ticketId, { type: 'OpenTicket', ticketId, intake: 'website', ...report, ...command }, (events) => {
    const opened = decidedPayload(events, 'TicketOpened');
    if (!opened) throw new Error(`OpenTicket decided no TicketOpened for ${ticketId}`);
    return { status: 201, body: openedAnswer(opened, request.now), headers: { location: `/v1/tickets/${ticketId}` } };
  });
  return response;
});
