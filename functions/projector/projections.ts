import { contractProjection } from '../../domain/contract/view';
import type { Projection } from '../../domain/projection';

/** The read models, by stream category. */
export const projections: Record<string, Projection<unknown>> = {
  [contractProjection.category]: contractProjection as Projection<unknown>,
};
