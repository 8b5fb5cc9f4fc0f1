import type { DomainEvent, NewEvent } from '../../events/catalog';
import type { Decider } from '../decider';
import type { LedgerLine } from '../ledger/line';
import { buildStatement } from './build';

/** Stream category of monthly statements: `statement#<customerId>:<YYYY-MM>`, one event each. */
export const STATEMENT_CATEGORY = 'statement';

export const statementStreamId = (customerId: string, month: string): string => `${STATEMENT_CATEGORY}#${customerId}:${month}`;

/** Issue a customer's statement of a month from its ledger lines (in ledger order). */
export interface IssueStatement {
  type: 'IssueStatement';
  customerId: string;
  /** `YYYY-MM`. */
  month: string;
  lines: readonly LedgerLine[];
}

export interface StatementState {
  issued: boolean;
}

export const initialState: StatementState = { issued: false };

export const evolve = (state: StatementState, event: DomainEvent): StatementState => (event.type === 'StatementIssued' ? { issued: true } : state);

/** Issues the statement once: a repeat (a second run of the schedule) decides nothing, and so does a month without lines. */
export function decide(command: IssueStatement, state: StatementState): NewEvent[] {
  if (state.issued) return [];
  const statement = buildStatement(command.customerId, command.month, command.lines);
  return statement ? [{ type: 'StatementIssued', payload: statement }] : [];
}

export const statementDecider: Decider<IssueStatement, StatementState> = { initialState, evolve, decide };
