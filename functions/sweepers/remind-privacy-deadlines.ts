import { privacyRequestDecider } from '../../domain/privacy/request';
import { PRIVACY_DEADLINE } from '../../domain/privacy/request-view';
import { streamSweeper } from './stream-sweeper';

/**
 * Daily: the DPO is reminded of each confirmed, unanswered privacy request 7 days and 1 day before
 * its deadline (the notifier mails the catalog's privacy contact). Each reminder is sent once.
 */
export const handler = streamSweeper(privacyRequestDecider, PRIVACY_DEADLINE, 'privacy-deadlines', () => ({ type: 'RemindDpo' as const }), 'privacy deadline reminded');
