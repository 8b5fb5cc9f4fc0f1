import { ticketDecider } from '../../domain/ticket/decider';
import { SLA_CHECK } from '../../domain/ticket/view';
import { streamSweeper } from './stream-sweeper';

/** Every minute: raises the SLA warnings and breaches that have come due, each once, reading only the due index. */
export const handler = streamSweeper(ticketDecider, SLA_CHECK, 'check-slas', (ticketId) => ({ type: 'CheckSla', ticketId }), 'SLA warning or breach raised');
