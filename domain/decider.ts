import type { DomainEvent, NewEvent } from '../events/catalog';

/** What every decision may depend on besides the command and the state. */
export interface DecideContext<Catalog = unknown> {
  /** The instant the command is decided at (from the request or the schedule event, never the clock). */
  now: string;
  catalog: Catalog;
}

/** A decider (emmett's naming): decide(command, state) → events; evolve(state, event) → state. */
export interface Decider<Command, State, Catalog = unknown> {
  initialState: State;
  evolve(state: State, event: DomainEvent): State;
  decide(command: Command, state: State, context: DecideContext<Catalog>): NewEvent[];
}

export const fold = <State>(decider: Pick<Decider<unknown, State>, 'initialState' | 'evolve'>, events: readonly DomainEvent[]): State =>
  events.reduce(decider.evolve, decider.initialState);
