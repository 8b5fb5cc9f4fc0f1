import type { DomainEvent, NewEvent } from '../../events/catalog';
import type { Catalog } from '../catalog/schema/catalog';
import { grantFor } from './grant';
import type { CreditHolder } from './holder';
import { creditLeft, evolve, type CreditState } from './state';
import { yearAt } from './year';

/**
 * Brings the account up to `now`: a year that has ended closes (what is left expires: credit is
 * never sold nor carried over), and the contract year holding `now` opens with its grant, unless
 * the contract is cancelled or outside a term. An add-on bought during the open year adds its
 * minutes at once (one removed keeps what it gave: credit is never taken back).
 */
export function catchUp(state: Pick<CreditState, 'open' | 'closed'>, holder: CreditHolder, catalog: Catalog, now: string): NewEvent[] {
  const events: NewEvent[] = [];
  let open = state.open;
  if (open && Date.parse(now) >= Date.parse(open.year.endsAt)) {
    events.push({ type: 'CreditYearClosed', payload: { contractId: holder.contractId, yearStartsOn: open.year.startsOn, expiredMinutes: creditLeft(open) } });
    open = undefined;
  }
  if (open) {
    const { addOnMinutes, covers } = grantFor(catalog, holder);
    const wider = covers.some((c) => !open!.covers.includes(c));
    if (addOnMinutes > open.addOnMinutes || wider)
      events.push({
        type: 'CreditAdded',
        payload: { contractId: holder.contractId, yearStartsOn: open.year.startsOn, addOnMinutes: Math.max(addOnMinutes, open.addOnMinutes), covers: [...new Set([...open.covers, ...covers])] },
      });
  }
  const year = open || holder.cancelled ? undefined : yearAt(holder, now);
  if (year && !state.closed.some((c) => c.startsOn === year.startsOn)) {
    const grant = grantFor(catalog, holder);
    events.push({ type: 'CreditYearOpened', payload: { contractId: holder.contractId, billTo: holder.billTo, year, ...grant } });
  }
  return events;
}

/** Applies decided events to a state (their envelopes do not matter to `evolve`). */
export const applyDecided = <S extends CreditState>(state: S, events: readonly NewEvent[]): CreditState =>
  events.reduce<CreditState>((s, e) => evolve(s, e as DomainEvent), state);
