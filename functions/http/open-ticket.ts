import { ulid } from 'ulid';
import * as z from 'zod';
import { ConflictError } from '../../domain/errors';
import { reportMatches } from '../../domain/ticket/intake';
import { activeCatalog } from '../runtime/catalog';
import { ContractIdParams } from './contract-id';
import { contractViewFor, openedContract } from './contract-view';
import { decidedPayload } from './decided-event';
import { route } from './route';
import { openedAnswer, Report, TicketChannel } from './ticket-bodies';
import { runTicketCommand } from './ticket-command';

const OpenTicketBody = z.strictObject({ contractId: ContractIdParams.shape.id, channel: TicketChannel, ...Report });

/**
 * POST /v1/tickets: staff take a report by phone or e-mail for a contract they may see. The same
 * rules as the website form (serial number, coverage on the channel), but a mismatch is a plain 409
 * (staff see the contract anyway).
 */
export const handler = route({ roles: ['admin', 'agent-l1', 'agent-l0'], body: OpenTicketBody, idempotency: 'optional' }, async (request) => {
  const { contractId, ...report } = request.body;
  const contract = await openedContract((await contractViewFor(contractId, request.caller!)).view);
  if (!reportMatches({ contract, ...(report.serialNumber ? { serialNumber: report.serialNumber } : {}) }, activeCatalog()))
    throw new ConflictError('report_mismatch', `Serial number ${report.serialNumber} is not one of contract ${contractId}'s devices.`);
  const ticketId = ulid();
  const { response } = await runTicketCommand(request, ticketId, { type: 'OpenTicket', ticketId, intake: 'staff', contract, ...report }, (events) => {
    const opened = decidedPayload(events, 'TicketOpened');
    if (!opened) throw new Error(`OpenTicket decided no TicketOpened for ${ticketId}`);
    return { status: 201, body: openedAnswer(opened, request.now), headers: { location: `/v1/tickets/${ticketId}` } };
  });
  return response;
});
