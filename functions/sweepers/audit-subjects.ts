import type { ScheduledEvent } from 'aws-lambda';
import { streamEntityId, streamId } from '../../events/envelope';
import { fold } from '../../domain/decider';
import { auditCandidate, dayOf, inactiveCutoff, pendingErasure, type AuditSettings } from '../../domain/privacy/audit';
import { SUBJECT_CATEGORY, subjectDecider, type SubjectCommand, type SubjectState } from '../../domain/privacy/subject';
import { AUDIT_ERASURE } from '../../domain/privacy/subject-view';
import { runCommand } from '../command-runner';
import { eraseSubject } from '../subject-erasure';
import type { EventMetadata } from '../store/event-store';
import { subjectActivity } from '../runtime/activity';
import { auditSettings } from '../runtime/audit-settings';
import { logger } from '../runtime/logger';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import type { AuditEntry } from '../vault/activity';
import { sweep } from './sweep';

const ACTOR = 'privacy-audit';
const CONCURRENCY = 8;

export interface AuditRun {
  /** Index entries read (filed at or before the cutoff day). */
  candidates: number;
  flagged: number;
  /** Entries moved to a later day (heard from since) or dropped (customers, flagged, erased, gone). */
  moved: number;
  dropped: number;
  /** Flagged subjects whose erasure was due. */
  due: number;
  cleared: number;
  erased: number;
  failed: number;
}

/**
 * Daily (schedule `privacy-audit`, at the schedule event's `time`, never the clock): the retention
 * audit of unresponsive non-customers (domain/privacy/activity.ts, audit.ts).
 * 1. Reads only the audit index entries filed at or before the cutoff day (now − the inactive
 *    period): a non-customer not heard from since the cutoff is flagged (`SubjectFlaggedUnresponsive`,
 *    erased after now + the grace); entries of subjects heard from since move to that day, those of
 *    customers, flagged or erased subjects are dropped.
 * 2. Reads the flagged subjects whose erasure is due (the views' due index, AUDIT_ERASURE): one
 *    heard from after the flag, or now a customer, is cleared (`SubjectFlagCleared`) and watched
 *    again; the others are erased like the DPO erases (the key first, then `SubjectErased`
 *    requested by `retention-audit`, keeping nothing: a non-customer was never billed).
 * Every step is idempotent: a second run at the same time changes nothing. A subject that fails is
 * logged and the run then fails as a whole, so the schedule retries.
 */
export async function handler(event: ScheduledEvent): Promise<AuditRun> {
  const settings = auditSettings();
  const now = new Date(event.time).toISOString();
  const metadata: EventMetadata = { occurredAt: now, correlationId: event.id, causationId: event.id, actor: { kind: 'system', id: ACTOR } };
  const run: AuditRun = { candidates: 0, flagged: 0, moved: 0, dropped: 0, due: 0, cleared: 0, erased: 0, failed: 0 };

  const entries = subjectActivity().filedUntil(dayOf(inactiveCutoff(now, settings)));
  const worker = async () => {
    for (let next = await entries.next(); !next.done; next = await entries.next()) {
      run.candidates++;
      try {
        await auditEntry(next.value, now, settings, metadata, run);
      } catch (error) {
        run.failed++;
        logger.error('privacy audit: a subject failed', { subjectId: next.value.subjectId, error: error as Error });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  let dueFailed: unknown;
  try {
    const result = await sweep(viewStore(), AUDIT_ERASURE, { ...event, time: now }, (pk) => settleFlag(streamEntityId(pk), now, metadata, run));
    run.due = result.due;
  } catch (error) {
    dueFailed = error;
  }
  logger.info('privacy audit done', { now, ...run });
  if (run.failed > 0 || dueFailed) throw new Error(`privacy audit: ${run.failed} of ${run.candidates} candidates failed${dueFailed ? `; ${(dueFailed as Error).message}` : ''}`);
  return run;
}

const subjectStream = (subjectId: string) => streamId(SUBJECT_CATEGORY, subjectId);

/** Erased, and not heard from since (a person who came back after an erasure is audited again). */
const erasedSince = (state: SubjectState, lastActivityAt: string | undefined): boolean =>
  !!state.erasedAt && (!lastActivityAt || Date.parse(state.erasedAt) >= Date.parse(lastActivityAt));

async function subjectState(subjectId: string): Promise<SubjectState> {
  const { events } = await eventStore().load(subjectStream(subjectId));
  return fold(subjectDecider, events);
}

const decideOn = (subjectId: string, command: SubjectCommand, metadata: EventMetadata) =>
  runCommand(eventStore(), { decider: subjectDecider, streamId: subjectStream(subjectId), catalog: undefined, command, metadata, respond: () => undefined });

/** One index entry at or before the cutoff day. */
async function auditEntry(entry: AuditEntry, now: string, settings: AuditSettings, metadata: EventMetadata, run: AuditRun): Promise<void> {
  const activity = subjectActivity();
  const { subjectId } = entry;
  const [lastActivityAt, customer, state] = await Promise.all([activity.lastActivityAt(subjectId), activity.isCustomer(subjectId), subjectState(subjectId)]);
  const candidate = auditCandidate({ indexedDay: entry.day, lastActivityAt, customer, erased: erasedSince(state, lastActivityAt), flagged: !!state.flagged }, now, settings);
  switch (candidate.action) {
    case 'keep':
      return;
    case 'drop':
      await activity.unfile(entry);
      run.dropped++;
      return;
    case 'move':
      await activity.move(entry, candidate.day);
      run.moved++;
      return;
    case 'flag': {
      const { events } = await decideOn(subjectId, { type: 'FlagUnresponsive', subjectId, lastActivityAt: candidate.lastActivityAt, eraseAfter: candidate.eraseAfter }, metadata);
      // Flagged (now or by a run before): the flag's pending erasure takes it from here.
      await activity.unfile(entry);
      if (events.length > 0) {
        run.flagged++;
        logger.info('privacy audit: subject flagged unresponsive', { subjectId, eraseAfter: candidate.eraseAfter });
      }
    }
  }
}

/** A flagged subject whose erasure is due: cleared if heard from since (or now a customer), else erased. */
async function settleFlag(subjectId: string, now: string, metadata: EventMetadata, run: AuditRun): Promise<void> {
  const activity = subjectActivity();
  const [lastActivityAt, customer, state] = await Promise.all([activity.lastActivityAt(subjectId), activity.isCustomer(subjectId), subjectState(subjectId)]);
  const decision = pendingErasure({ flagged: state.flagged, erased: erasedSince(state, lastActivityAt), lastActivityAt, customer }, now);
  switch (decision.action) {
    case 'none':
      return;
    case 'clear': {
      const { events } = await decideOn(subjectId, { type: 'ClearFlag', subjectId, lastActivityAt: decision.lastActivityAt }, metadata);
      if (!customer) await activity.file(subjectId, dayOf(decision.lastActivityAt));
      if (events.length > 0) run.cleared++;
      return;
    }
    case 'erase': {
      // Like any erasure (a non-customer was never billed: nothing is kept).
      const { recorded } = await eraseSubject(subjectId, { requestedBy: 'retention-audit' }, metadata);
      await activity.forget(subjectId);
      if (recorded) {
        run.erased++;
        logger.info('privacy audit: unresponsive subject erased', { subjectId });
      }
    }
  }
}
