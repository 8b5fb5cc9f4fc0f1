import * as z from 'zod';
import { DateTime } from 'luxon';

/**
 * The retention audit of unresponsive non-customers (see activity.ts for who is a customer and
 * what counts as activity). Every day it flags the non-customers not heard from for
 * `inactiveDays`; a flagged contact who gets in touch again within `graceDays` is cleared, the
 * others are erased when the grace ends.
 */
export interface AuditSettings {
  inactiveDays: number;
  graceDays: number;
}

/** Two years without a word, then a month's grace. */
export const DEFAULT_AUDIT_SETTINGS: AuditSettings = { inactiveDays: 730, graceDays: 30 };

/** The environment variables that set them. */
export const AUDIT_SETTING_VARS = { inactiveDays: 'PRIVACY_AUDIT_INACTIVE_DAYS', graceDays: 'PRIVACY_AUDIT_GRACE_DAYS' } as const;

const days = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[0-9]+$/, `${name} must be a whole number of days`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min} days`).max(max, `${name} must be at most ${max} days`));

/** At least 30 days (a month's silence proves nothing), at most 10 years; a grace of 1 day to a year. */
const Settings = z.object({
  inactiveDays: days(AUDIT_SETTING_VARS.inactiveDays, 30, 3650).optional(),
  graceDays: days(AUDIT_SETTING_VARS.graceDays, 1, 365).optional(),
});

/** The settings from an environment (unset or empty: the default); a bad value throws, naming the variable. */
export function auditSettingsFrom(env: Readonly<Record<string, string | undefined>>): AuditSettings {
  const raw = (name: string) => (env[name]?.trim() ? env[name] : undefined);
  const parsed = Settings.safeParse({ inactiveDays: raw(AUDIT_SETTING_VARS.inactiveDays), graceDays: raw(AUDIT_SETTING_VARS.graceDays) });
  if (!parsed.success) throw new Error(`invalid privacy audit settings: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return { inactiveDays: parsed.data.inactiveDays ?? DEFAULT_AUDIT_SETTINGS.inactiveDays, graceDays: parsed.data.graceDays ?? DEFAULT_AUDIT_SETTINGS.graceDays };
}

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });
const isoOf = (at: DateTime) => at.toISO({ suppressMilliseconds: false })!;

/** The UTC day of an instant (YYYY-MM-DD): the audit index's bucket. */
export const dayOf = (iso: string): string => utc(iso).toISODate()!;

/** Subjects last heard from at or before this instant are inactive at `now`. */
export const inactiveCutoff = (now: string, settings: AuditSettings): string => isoOf(utc(now).minus({ days: settings.inactiveDays }));

/** When a subject flagged at `now` is erased unless heard from. */
export const eraseAfterFor = (now: string, settings: AuditSettings): string => isoOf(utc(now).plus({ days: settings.graceDays }));

const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

/** What the audit does with a subject found in its activity index at `now`. */
export type Candidate =
  /** Gone (no activity recorded any more), a customer, or erased: the index entry is dropped. */
  | { action: 'drop' }
  /** Heard from since it was indexed: the entry moves to the day of its last activity. */
  | { action: 'move'; day: string }
  /** Filed under the right day, which is not yet inactive for the whole period: left for a later run. */
  | { action: 'keep' }
  /** A non-customer not heard from for the period: flag it (the entry is then dropped). */
  | { action: 'flag'; lastActivityAt: string; eraseAfter: string };

export interface CandidateFacts {
  /** The day the index entry is filed under. */
  indexedDay: string;
  /** The subject's last activity, if any is recorded. */
  lastActivityAt?: string;
  customer: boolean;
  erased: boolean;
  /** Already flagged (the flag's own pending erasure decides). */
  flagged: boolean;
}

export function auditCandidate(facts: CandidateFacts, now: string, settings: AuditSettings): Candidate {
  if (!facts.lastActivityAt || facts.customer || facts.erased || facts.flagged) return { action: 'drop' };
  if (later(facts.lastActivityAt, inactiveCutoff(now, settings))) {
    const day = dayOf(facts.lastActivityAt);
    return day === facts.indexedDay ? { action: 'keep' } : { action: 'move', day };
  }
  return { action: 'flag', lastActivityAt: facts.lastActivityAt, eraseAfter: eraseAfterFor(now, settings) };
}

/** What the audit does with a flagged subject whose erasure is due. */
export type PendingErasure =
  /** Heard from after the flag, or became a customer: the flag is cleared and it is watched again. */
  | { action: 'clear'; lastActivityAt: string }
  /** Silent through the grace: erased. */
  | { action: 'erase' }
  /** Not flagged any more, or not due yet (the due index lags the stream): nothing. */
  | { action: 'none' };

export interface FlagFacts {
  flagged?: { lastActivityAt: string; eraseAfter: string };
  erased: boolean;
  lastActivityAt?: string;
  customer: boolean;
}

export function pendingErasure(facts: FlagFacts, now: string): PendingErasure {
  const { flagged } = facts;
  if (!flagged || facts.erased || later(flagged.eraseAfter, now)) return { action: 'none' };
  const heardFrom = facts.lastActivityAt && later(facts.lastActivityAt, flagged.lastActivityAt) ? facts.lastActivityAt : undefined;
  if (heardFrom) return { action: 'clear', lastActivityAt: heardFrom };
  if (facts.customer) return { action: 'clear', lastActivityAt: facts.lastActivityAt ?? flagged.lastActivityAt };
  return { action: 'erase' };
}
