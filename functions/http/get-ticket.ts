import { route } from './route';
import { TicketIdParams } from './ticket-bodies';
import { ticketViewFor } from './ticket-command';

/** GET /v1/tickets/{id}: the ticket's view (clocks with due and warning instants, messages, escalations); a distributor agent sees only its own. */
export const handler = route({ roles: ['admin', 'agent-l1', 'agent-l0', 'billing'], params: TicketIdParams }, async ({ params, caller }) => {
  const { view, version } = await ticketViewFor(params.id, caller!);
  const { state: _, ...shown } = view;
  return { status: 200, body: { ...shown, version } };
});
