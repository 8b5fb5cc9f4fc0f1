import { RENEWAL_REMINDER } from '../../domain/contract/view';
import { contractSweeper } from './contract-sweeper';

/** Daily: each contract with a renewal reminder due (by the schedule's time) gets one, once per term and offset. */
export const handler = contractSweeper(RENEWAL_REMINDER, 'renewal-reminders', (contractId) => ({ type: 'SendDueRenewalReminder', contractId }), 'renewal reminded');
