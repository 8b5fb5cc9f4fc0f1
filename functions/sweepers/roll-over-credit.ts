import { creditDecider } from '../../domain/credit/decider';
import { CREDIT_YEAR } from '../../domain/credit/view';
import { loadCreditContract } from '../credit-account';
import { streamSweeper } from './stream-sweeper';

/**
 * Daily: each account whose contract year has ended (by the schedule's time) closes it (what is
 * left expires: credit is never sold nor carried over) and opens the next year's grant, read from
 * the contract's stream. A repeat changes nothing.
 */
export const handler = streamSweeper(
  creditDecider,
  CREDIT_YEAR,
  'credit-years',
  async (contractId) => ({ type: 'RollOverCredit' as const, holder: (await loadCreditContract(contractId)).holder }),
  'credit year rolled over',
);
