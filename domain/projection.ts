import type { DomainEvent } from '../events/catalog';

/** A deadline a sweeper must act on: `kind` names the sweeper, `at` is an ISO instant. */
export interface Due {
  kind: string;
  at: string;
}

/**
 * A pure projection of one stream category into a read model. The projector applies it in
 * stream order; `due` says which deadlines the view currently has, feeding the sweepers' index.
 */
export interface Projection<View> {
  category: string;
  evolve(view: View | undefined, event: DomainEvent): View;
  due(view: View): Due[];
}
