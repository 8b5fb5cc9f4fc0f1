import type { Catalog } from '../catalog/schema/catalog';
import { contractProjection, type ContractView } from '../contract/view';
import { creditProjection, type CreditView } from '../credit/view';
import type { Projection } from '../projection';
import { ticketProjection, type TicketView } from '../ticket/view';
import { contractLines } from './contract-lines';
import { creditLines, nextEntryBookings, type EntryBookings } from './credit-lines';
import { ledgerRows } from './rows';
import { ticketLines } from './ticket-lines';

/** The credit view with what the ledger keeps of its work-log entries (booking numbers, activities). */
export type LedgerCreditView = CreditView & { ledgerEntries?: EntryBookings };

/** Contracts: the view as before, plus the lines of activations, renewals, reinstatements and additions. */
export function contractLedgerProjection(catalog: Catalog): Projection<ContractView> {
  const base = contractProjection(catalog);
  return { ...base, rows: (_before, event, after) => ledgerRows(contractLines(catalog, event, after)) };
}

/** Tickets: the view as before, plus the line of a loaner not returned. */
export const ticketLedgerProjection = (catalog: Catalog): Projection<TicketView> => ({
  ...ticketProjection,
  rows: (_before, event, after) => ledgerRows(ticketLines(catalog, event, after)),
});

/**
 * Credit: the view plus the entries' booking numbers, and the support time billed. Credit events
 * name no zone: their lines are dated in the catalog's default zone.
 */
export function creditLedgerProjection(catalog: Catalog): Projection<LedgerCreditView> {
  return {
    ...creditProjection,
    evolve: (view, event) => {
      const next = creditProjection.evolve(view, event);
      const entries = nextEntryBookings(view?.ledgerEntries ?? {}, event);
      return Object.keys(entries).length > 0 ? { ...next, ledgerEntries: entries } : next;
    },
    rows: (before, event) => ledgerRows(creditLines(catalog, event, before?.ledgerEntries ?? {}, catalog.defaultTimeZone)),
  };
}

/** The read models the projector keeps, by stream category, with the ledger's rows. */
export function ledgerProjections(catalog: Catalog): Record<string, Projection<unknown>> {
  const all = [contractLedgerProjection(catalog), ticketLedgerProjection(catalog), creditLedgerProjection(catalog)] as Projection<unknown>[];
  return Object.fromEntries(all.map((p) => [p.category, p]));
}
