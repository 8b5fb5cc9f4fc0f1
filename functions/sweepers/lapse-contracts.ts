import { CONTRACT_LAPSE } from '../../domain/contract/view';
import { contractSweeper } from './contract-sweeper';

/** Daily: every expired contract whose grace period is over (by the schedule's time) lapses. */
export const handler = contractSweeper(CONTRACT_LAPSE, 'lapse-contracts', (contractId) => ({ type: 'LapseContract', contractId }), 'contract lapsed');
