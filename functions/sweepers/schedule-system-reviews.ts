import { SYSTEM_REVIEW } from '../../domain/contract/view';
import { contractSweeper } from './contract-sweeper';

/** Daily: each contract whose plan or add-ons include a yearly system review announces it when it falls due. */
export const handler = contractSweeper(SYSTEM_REVIEW, 'system-reviews', (contractId) => ({ type: 'ScheduleSystemReview', contractId }), 'system review due');
