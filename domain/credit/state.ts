import type { DomainEvent } from '../../events/catalog';
import type { Booking, CreditYear, WorkEntry } from '../../events/credit';

/** The open contract year's credit: granted minutes, what it pays for, and what is used. */
export interface OpenYear {
  year: CreditYear;
  includedMinutes: number;
  addOnMinutes: number;
  covers: string[];
  used: number;
  noCreditReason?: string;
}

/** A closed year: what was granted, used, and expired unused. */
export interface ClosedYear {
  startsOn: string;
  endsOn: string;
  granted: number;
  used: number;
  expired: number;
}

/** A work-log entry as it now stands (after corrections) and its current booking. */
export interface LoggedEntry {
  entryId: string;
  ticketId: string;
  performedAt: string;
  entry: WorkEntry;
  booking: Booking;
  /** How many corrections changed its booking. */
  corrections: number;
}

/** The support-time account of one contract (stream `credit#<contractId>`). */
export interface CreditState {
  contractId?: string;
  open?: OpenYear;
  closed: ClosedYear[];
  /** Every entry, in the order logged. */
  entries: LoggedEntry[];
}

export const initialState: CreditState = { closed: [], entries: [] };

export const grantedMinutes = (open: OpenYear): number => open.includedMinutes + open.addOnMinutes;
export const creditLeft = (open: OpenYear): number => Math.max(0, grantedMinutes(open) - open.used);

/** Credit used by a booking in the open year (0 for another year's). */
const usedIn = (open: OpenYear | undefined, booking: Booking): number =>
  open && booking.yearStartsOn === open.year.startsOn ? booking.creditMinutes : 0;

export function evolve(state: CreditState, event: DomainEvent): CreditState {
  switch (event.type) {
    case 'CreditYearOpened': {
      const p = event.payload;
      return {
        ...state,
        contractId: p.contractId,
        open: {
          year: p.year,
          includedMinutes: p.includedMinutes,
          addOnMinutes: p.addOnMinutes,
          covers: p.covers,
          used: 0,
          ...(p.noCreditReason ? { noCreditReason: p.noCreditReason } : {}),
        },
      };
    }
    case 'CreditAdded':
      return state.open?.year.startsOn === event.payload.yearStartsOn
        ? { ...state, open: { ...state.open, addOnMinutes: event.payload.addOnMinutes, covers: event.payload.covers } }
        : state;
    case 'CreditYearClosed': {
      const open = state.open;
      if (!open) return state;
      const { open: _, ...rest } = state;
      const closed = { startsOn: open.year.startsOn, endsOn: open.year.endsOn, granted: grantedMinutes(open), used: open.used, expired: event.payload.expiredMinutes };
      return { ...rest, closed: [...state.closed, closed] };
    }
    case 'WorkLogged': {
      const p = event.payload;
      const { contractId: _c, billTo: _b, ticketId, entryId, performedAt, booking, ...entry } = p;
      const open = state.open && { ...state.open, used: state.open.used + usedIn(state.open, booking) };
      return {
        ...state,
        contractId: p.contractId,
        ...(open ? { open } : {}),
        entries: [...state.entries, { entryId, ticketId, performedAt, entry, booking, corrections: 0 }],
      };
    }
    case 'WorkLogCorrected': {
      const p = event.payload;
      const changes = new Map(p.changes.map((c) => [c.entryId, c]));
      let used = state.open?.used ?? 0;
      for (const c of p.changes) used += usedIn(state.open, c.rebooked) - usedIn(state.open, c.reversed);
      const entries = state.entries.map((e) => {
        const change = changes.get(e.entryId);
        const entry = e.entryId === p.entryId ? p.correction : e.entry;
        return change ? { ...e, entry, booking: change.rebooked, corrections: e.corrections + 1 } : { ...e, entry };
      });
      return { ...state, ...(state.open ? { open: { ...state.open, used } } : {}), entries };
    }
    default:
      return state;
  }
}
