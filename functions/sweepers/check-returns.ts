import { ticketDecider } from '../../domain/ticket/decider';
import { DEVICE_RETURNS } from '../../domain/ticket/view';
import { streamSweeper } from './stream-sweeper';

/** Daily: reminders for devices due back soon, faulty devices overdue, loaners not returned charged at list price — each once. */
export const handler = streamSweeper(ticketDecider, DEVICE_RETURNS, 'check-returns', (ticketId) => ({ type: 'CheckReturns', ticketId }), 'device return reminded, overdue or charged');
