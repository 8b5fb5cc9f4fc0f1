import type { Catalog } from '../catalog/schema';
import type { Decider } from '../decider';
import type { TicketCommand } from './commands';
import { decide } from './decide';
import { evolve, initialState, type TicketState } from './state';

export const TICKET_CATEGORY = 'ticket';

export const ticketDecider: Decider<TicketCommand, TicketState, Catalog> = { initialState, evolve, decide };
