import type { Catalog } from '../catalog/schema/catalog';
import type { Decider } from '../decider';
import type { CreditCommand } from './commands';
import { decide } from './decide';
import { evolve, initialState, type CreditState } from './state';

/** Stream category of support-time accounts: `credit#<contractId>`. */
export const CREDIT_CATEGORY = 'credit';

export const creditDecider: Decider<CreditCommand, CreditState, Catalog> = { initialState, evolve, decide };
