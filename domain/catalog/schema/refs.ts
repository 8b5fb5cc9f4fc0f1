import type { Report } from './checks';

/** What the cross-field checks look things up in: every id the catalog declares, by kind. */
export interface Refs {
  regions: ReadonlyMap<string, { id: string; currency: string }>;
  services: ReadonlySet<string>;
  windows: ReadonlySet<string>;
  /** Plan id → plan name. */
  plans: ReadonlyMap<string, string>;
  addOns: ReadonlySet<string>;
  segments: ReadonlySet<string>;
  levels: ReadonlySet<string>;
  report: Report;
}
