import * as z from 'zod';
import { WorkEntry } from '../../events/credit';
import { ValidationError } from '../../domain/errors';
import { isSealed } from '../../events/sealed';
import { sealer } from '../runtime/vault';
import { loadCreditState } from '../credit-account';
import { answerCreditCommand, balanceSummary } from './credit-command';
import { decidedPayload } from './decided-event';
import { WORK_LOG_ROLES } from './log-work';
import { route } from './route';
import { TicketIdParams } from './ticket-bodies';
import { ticketViewFor } from './ticket-command';

const CorrectWorkLogParams = TicketIdParams.extend({ entryId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a work-log entry id.') });
const CorrectWorkLogBody = z.strictObject({ ...WorkEntry.shape, reason: z.string().trim().min(1).max(500) });

/** The domain names the correction's fields `correction.…`; this body has them at the top. */
const asBodyFields = (error: unknown): unknown =>
  error instanceof ValidationError ? new ValidationError(error.fields.map((f) => ({ ...f, path: f.path.replace(/^correction\./, '') })), error.message) : error;

/**
 * The stored entry holds its note sealed: a correction giving the same note (opened) carries the
 * stored, sealed note instead, so the decider sees the note unchanged (and, kept, it stays under
 * its subject's key).
 */
async function asStored(contractId: string, ticketId: string, entryId: string, correction: WorkEntry): Promise<WorkEntry> {
  if (correction.note === undefined) return correction;
  const stored = (await loadCreditState(contractId)).entries.find((e) => e.entryId === entryId && e.ticketId === ticketId)?.entry.note;
  return stored !== undefined && isSealed(stored) && (await sealer().open(stored)) === correction.note ? { ...correction, note: stored } : correction;
}

/**
 * POST /v1/tickets/{id}/work-logs/{entryId}/corrections: the entry as it should have been, with a
 * reason. Its case is booked anew: every entry whose booking changes is reversed and re-booked
 * (answered as `changes`); a correction that changes nothing is `unchanged`. An entry booked in a
 * contract year that has closed cannot change (409 `credit_year_closed`).
 */
export const handler = route(
  { roles: WORK_LOG_ROLES, params: CorrectWorkLogParams, body: CorrectWorkLogBody, idempotency: 'optional' },
  async (request) => {
    const { params: { id: ticketId, entryId }, body: { reason, ...correction } } = request;
    const { view: ticket } = await ticketViewFor(ticketId, request.caller!);
    const entry = await asStored(ticket.contractId, ticketId, entryId, correction);
    return answerCreditCommand(
      request,
      ticket.contractId,
      (holder) => ({ type: 'CorrectWorkLog', holder, ticketId, entryId, correction: entry, reason }),
      (events, after, holder) => {
        const corrected = decidedPayload(events, 'WorkLogCorrected');
        return {
          status: 200,
          body: corrected ? { entryId, changes: corrected.changes, balance: balanceSummary(holder, after, request.now) } : { entryId, unchanged: true },
        };
      },
    ).catch((error: unknown) => {
      throw asBodyFields(error);
    });
  },
);
