import * as z from 'zod';
import { balanceAt } from '../../domain/credit/balance';
import { activeCatalog } from '../runtime/catalog';
import { assertMayAccessDistributor } from './auth';
import { ContractIdParams } from './contract-id';
import { loadCreditContract, loadCreditState } from '../credit-account';
import { route } from './route';

const CreditQuery = z.strictObject({ at: z.iso.datetime({ offset: true }).optional() });

/**
 * GET /v1/contracts/{id}/credit[?at=…]: the support-time credit at an instant (default: now), read
 * from the contract's and the account's streams (strongly consistent): the contract year's grant,
 * use and balance, that year's work-log entries with their bookings (by when the work was done,
 * newest last), and the closed years.
 */
export const handler = route(
  { roles: ['admin', 'agent-l1', 'billing', 'agent-l0'], params: ContractIdParams, query: CreditQuery },
  async ({ params: { id }, query, caller, now }) => {
    const [{ contract, holder }, account] = await Promise.all([loadCreditContract(id), loadCreditState(id)]);
    assertMayAccessDistributor(caller!, contract.distributorId);
    const { closedYears, ...balance } = balanceAt(activeCatalog(), holder, account, query.at ?? now);
    const entries = account.entries
      .filter((e) => balance.year !== undefined && e.booking.yearStartsOn === balance.year.startsOn)
      .sort((a, b) => Date.parse(a.performedAt) - Date.parse(b.performedAt))
      .map(({ entry, ...logged }) => ({ ...logged, ...entry }));
    return { status: 200, body: { contractId: id, customerId: holder.billTo.customerId, balance, entries, closedYears } };
  },
);
