import { contractProjection } from '../../domain/contract/view';
import type { Projection } from '../../domain/projection';
import { ticketProjection } from '../../domain/ticket/view';
import { activeCatalog } from '../runtime/catalog';

const contracts = contractProjection(activeCatalog());

/** The read models, by stream category. */
export const projections: Record<string, Projection<unknown>> = {
  [contracts.category]: contracts as Projection<unknown>,
  [ticketProjection.category]: ticketProjection as Projection<unknown>,
};
