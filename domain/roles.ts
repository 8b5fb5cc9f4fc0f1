/**
 * Staff roles. `agent-l0` is a distributor's agent (level-0 support) and only ever sees its own
 * distributor's customers; the others are the vendor's staff.
 */
export const ROLES = ['agent-l0', 'agent-l1', 'billing', 'dpo', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
