import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { PRIVACY_REQUEST_CATEGORY, privacyRequestDecider } from '../../domain/privacy/request';
import { route } from './route';
import { runStreamCommand } from './stream-command';

const Params = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a request id.') });
const Body = z.strictObject({
  outcome: z.enum(['rectified', 'refused']),
  /** What was done, or why not (the person receives it). */
  note: z.string().trim().min(1).max(2000),
});

/**
 * POST /v1/privacy/requests/{id}/completion (DPO): answers a confirmed request the product cannot
 * carry out by itself (a rectification), or refuses one with the reason. The person is told by
 * e-mail. A request not yet confirmed is a 409 (`request_not_confirmed`); a repeat records nothing.
 */
export const handler = route({ roles: ['dpo', 'admin'], params: Params, body: Body, idempotency: 'optional' }, async (request) => {
  const { response } = await runStreamCommand(
    request,
    privacyRequestDecider,
    streamId(PRIVACY_REQUEST_CATEGORY, request.params.id),
    { type: 'CompleteRequest', outcome: request.body.outcome, note: request.body.note },
    (events, state) => ({ status: 200, body: { requestId: request.params.id, completed: true, recorded: events.length > 0, outcome: state.completed?.outcome ?? request.body.outcome } }),
  );
  return response;
});
