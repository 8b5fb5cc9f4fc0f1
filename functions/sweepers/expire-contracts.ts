import { CONTRACT_EXPIRY } from '../../domain/contract/view';
import { contractSweeper } from './contract-sweeper';

/** Daily: every contract whose term has ended (by the schedule's time) is expired. */
export const handler = contractSweeper(CONTRACT_EXPIRY, 'expire-contracts', (contractId) => ({ type: 'ExpireContract', contractId }), 'contract expired');
