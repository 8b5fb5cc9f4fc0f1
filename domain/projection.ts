import type { DomainEvent } from '../events/catalog';

/** A deadline a sweeper must act on: `kind` names the sweeper, `at` is an ISO instant. */
export interface Due {
  kind: string;
  at: string;
}

/**
 * An entry of a secondary read model ("which views belong under this key, in what order"):
 * `index` names the lookup (one entry per index name per view), `partition` the group it falls
 * in, `sort` its place in that group. Partitions carry the index name as their prefix
 * (`customer#…`, `term-end#…`), so the lookups of all read models share one table index.
 */
export interface Lookup {
  index: string;
  partition: string;
  sort: string;
}

/**
 * A row an event adds to a read model kept outside the view (e.g. a ledger line): put once, at a
 * key derived from the event alone (so a redelivered event puts the same row again, never a
 * second one), never changed or removed by later events. `data` must be JSON.
 */
export interface Row {
  partition: string;
  sort: string;
  data: unknown;
}

/**
 * A pure projection of one stream category into a read model. The projector applies it in
 * stream order; `due` says which deadlines the view currently has, feeding the sweepers' index;
 * `lookups` (optional) says under which keys staff can find the view; `rows` (optional) says
 * which rows an event adds, written in the same write as the view at that event's version.
 */
export interface Projection<View> {
  category: string;
  evolve(view: View | undefined, event: DomainEvent): View;
  due(view: View): Due[];
  lookups?(view: View): Lookup[];
  rows?(before: View | undefined, event: DomainEvent, after: View): Row[];
}
