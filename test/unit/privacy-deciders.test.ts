import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../events/catalog';
import { qualisysCatalog } from '../../domain/catalog/presets/qualisys';
import { contractDecider } from '../../domain/contract/decider';
import { contractProjection } from '../../domain/contract/view';
import { ConflictError, LinkExpiredError, NotFoundError, ValidationError } from '../../domain/errors';
import { privacyRequestDecider, type ReceiveRequest } from '../../domain/privacy/request';
import { privacyRequestProjection } from '../../domain/privacy/request-view';
import { subjectDecider } from '../../domain/privacy/subject';
import { subjectProjection } from '../../domain/privacy/subject-view';
import { spec, stored } from '../support/decider-spec';
import { contractCreated } from '../support/fixtures';

const subjectId = '0123456789abcdef0123456789abcdef';
const now = '2026-11-21T10:00:00Z';
const requestId = '01JZ0000000000000000000000';

/** `qualisys-privacy-policy.txt`: "Requests may need identity verification"; answered within a month. */
describe('a privacy request', () => {
  const given = spec(privacyRequestDecider, { now, catalog: undefined });
  const receive: ReceiveRequest = { type: 'ReceiveRequest', requestId, right: 'erasure', subjectId, email: 'a@example.com', language: 'en', channel: 'website' };
  const received: NewEvent = {
    type: 'PrivacyRequestReceived',
    payload: { requestId, right: 'erasure', subjectId, email: 'a@example.com', language: 'en', channel: 'website', linkExpiresAt: '2026-11-23T10:00:00Z', dueBy: '2026-12-21T10:00:00Z' },
  };
  const confirmed: NewEvent = { type: 'PrivacyRequestConfirmed', payload: { requestId } };

  it('is received with a link valid 48 hours and a deadline one month on; a repeat records nothing', () => {
    given([]).when(receive).then([received]);
    given([received]).when(receive).then([]);
    // One calendar month, not 30 days: 31 January is due on 28 February.
    given([])
      .when(receive, { now: '2027-01-31T12:00:00Z' })
      .then([{ type: 'PrivacyRequestReceived', payload: { ...received.payload, linkExpiresAt: '2027-02-02T12:00:00Z', dueBy: '2027-02-28T12:00:00Z' } as never }]);
  });

  it('is confirmed only before its link expires, once', () => {
    given([received]).when({ type: 'ConfirmRequest' }).then([confirmed]);
    given([received]).when({ type: 'ConfirmRequest' }, { now: '2026-11-23T10:00:00Z' }).thenThrows(LinkExpiredError);
    given([received, confirmed]).when({ type: 'ConfirmRequest' }, { now: '2026-12-01T00:00:00Z' }).then([]);
    given([]).when({ type: 'ConfirmRequest' }).thenThrows(NotFoundError);
  });

  it('is completed once, and only after confirmation', () => {
    given([received]).when({ type: 'CompleteRequest', outcome: 'refused', note: 'x' }).thenFails((e) => expect((e as ConflictError).code).toBe('request_not_confirmed'));
    const completed: NewEvent = { type: 'PrivacyRequestCompleted', payload: { requestId, outcome: 'rectified', note: 'Done' } };
    given([received, confirmed]).when({ type: 'CompleteRequest', outcome: 'rectified', note: 'Done' }).then([completed]);
    given([received, confirmed, completed]).when({ type: 'CompleteRequest', outcome: 'refused', note: 'No' }).then([]);
  });

  it('reminds the DPO 7 days and 1 day before the deadline, each once, skipping a missed earlier one', () => {
    const remind = { type: 'RemindDpo' as const };
    const seven: NewEvent = { type: 'PrivacyRequestReminded', payload: { requestId, dueBy: '2026-12-21T10:00:00Z', daysBefore: 7 } };
    const one: NewEvent = { type: 'PrivacyRequestReminded', payload: { requestId, dueBy: '2026-12-21T10:00:00Z', daysBefore: 1 } };
    given([received, confirmed]).when(remind, { now: '2026-12-14T09:00:00Z' }).then([]);
    given([received, confirmed]).when(remind, { now: '2026-12-14T10:00:00Z' }).then([seven]);
    given([received, confirmed, seven]).when(remind, { now: '2026-12-15T10:00:00Z' }).then([]);
    given([received, confirmed, seven]).when(remind, { now: '2026-12-20T11:00:00Z' }).then([one]);
    given([received, confirmed]).when(remind, { now: '2026-12-20T11:00:00Z' }).then([one]);
    given([received]).when(remind, { now: '2026-12-20T11:00:00Z' }).then([]);
  });

  it('is listed open by deadline once confirmed, due at its next reminder, and no longer once answered', () => {
    const [r, c, seven] = stored([received, confirmed, { type: 'PrivacyRequestReminded', payload: { requestId, dueBy: '2026-12-21T10:00:00Z', daysBefore: 7 } }], `privacy-request#${requestId}`);
    const waiting = privacyRequestProjection.evolve(undefined, r!);
    expect(waiting.status).toBe('awaiting-confirmation');
    expect(privacyRequestProjection.due(waiting)).toEqual([]);
    expect(privacyRequestProjection.lookups!(waiting).map((l) => l.partition)).toEqual(['privacy-requests#all', `privacy-requests-of#${subjectId}`]);
    const open = privacyRequestProjection.evolve(waiting, c!);
    expect(privacyRequestProjection.due(open)).toEqual([{ kind: 'privacy-deadline', at: '2026-12-14T10:00:00Z' }]);
    expect(privacyRequestProjection.lookups!(open).map((l) => l.sort)).toContain(`2026-12-21T10:00:00Z#${requestId}`);
    expect(privacyRequestProjection.due(privacyRequestProjection.evolve(open, seven!))).toEqual([{ kind: 'privacy-deadline', at: '2026-12-20T10:00:00Z' }]);
  });
});

describe('a data subject', () => {
  const given = spec(subjectDecider, { now, catalog: undefined });
  const limited: NewEvent = { type: 'ProcessingLimited', payload: { subjectId, basis: 'opt-out', purposes: ['marketing'] } };
  const erased: NewEvent = { type: 'SubjectErased', payload: { subjectId, requestedBy: 'subject', kept: [] } };

  it('stops each optional processing once, whatever the basis', () => {
    given([]).when({ type: 'LimitProcessing', subjectId, basis: 'opt-out', purposes: ['marketing', 'marketing'] }).then([limited]);
    given([limited]).when({ type: 'LimitProcessing', subjectId, basis: 'opt-out', purposes: ['marketing'] }).then([]);
    given([limited])
      .when({ type: 'LimitProcessing', subjectId, basis: 'objection', purposes: ['marketing', 'surveys', 'analytics'] })
      .then([{ type: 'ProcessingLimited', payload: { subjectId, basis: 'objection', purposes: ['surveys', 'analytics'] } }]);
  });

  it('records an erasure again only when it deleted a key (a person who came back); opt-outs outlive it', () => {
    const again = { type: 'EraseSubject' as const, subjectId, requestedBy: 'dpo' as const, kept: [] };
    given([erased]).when({ ...again, keyDeleted: false }).then([]);
    given([erased]).when({ ...again, keyDeleted: true }).then([{ type: 'SubjectErased', payload: { subjectId, requestedBy: 'dpo', kept: [] } }]);
    given([]).when({ ...again, keyDeleted: false }).then([{ type: 'SubjectErased', payload: { subjectId, requestedBy: 'dpo', kept: [] } }]);
    given([limited, erased]).when({ type: 'LimitProcessing', subjectId, basis: 'opt-out', purposes: ['marketing'] }).then([]);
    given([erased])
      .when({ type: 'LimitProcessing', subjectId, basis: 'restriction', purposes: ['surveys'] })
      .then([{ type: 'ProcessingLimited', payload: { subjectId, basis: 'restriction', purposes: ['surveys'] } }]);
  });

  it('is flagged once by the audit, and cleared when heard from', () => {
    const flagged: NewEvent = { type: 'SubjectFlaggedUnresponsive', payload: { subjectId, lastActivityAt: '2024-01-01T00:00:00Z', eraseAfter: '2026-12-21T00:00:00Z' } };
    given([]).when({ type: 'FlagUnresponsive', subjectId, lastActivityAt: '2024-01-01T00:00:00Z', eraseAfter: '2026-12-21T00:00:00Z' }).then([flagged]);
    given([flagged]).when({ type: 'FlagUnresponsive', subjectId, lastActivityAt: '2024-01-01T00:00:00Z', eraseAfter: '2027-01-21T00:00:00Z' }).then([]);
    given([flagged]).when({ type: 'ClearFlag', subjectId, lastActivityAt: now }).then([{ type: 'SubjectFlagCleared', payload: { subjectId, lastActivityAt: now } }]);
    given([]).when({ type: 'ClearFlag', subjectId, lastActivityAt: now }).then([]);
    const view = subjectProjection.evolve(undefined, stored([flagged], `subject#${subjectId}`)[0]!);
    expect(subjectProjection.due(view)).toEqual([{ kind: 'privacy-audit-erasure', at: '2026-12-21T00:00:00Z' }]);
  });
});

describe('rectifying a customer', () => {
  const given = spec(contractDecider, { now, catalog: qualisysCatalog });
  const contractId = 'C00000000000000000000000C1';

  it('records the corrected name, tax id or language; the rest stays', () => {
    given([contractCreated(contractId)])
      .when({ type: 'CorrectCustomer', contractId, name: 'Ada King', reason: 'privacy request 01J' })
      .then([{ type: 'CustomerDetailsCorrected', payload: { contractId, name: 'Ada King', reason: 'privacy request 01J' } }]);
    const [ordered, corrected] = stored([contractCreated(contractId), { type: 'CustomerDetailsCorrected', payload: { contractId, locale: 'sv' } }], `contract#${contractId}`);
    const view = contractProjection(qualisysCatalog).evolve(contractProjection(qualisysCatalog).evolve(undefined, ordered!), corrected!);
    expect(view.customer).toMatchObject({ name: 'Ada Customer', locale: 'sv' });
  });

  it('refuses an empty correction (400) and an unknown contract (404)', () => {
    given([contractCreated(contractId)]).when({ type: 'CorrectCustomer', contractId }).thenThrows(ValidationError);
    given([]).when({ type: 'CorrectCustomer', contractId, name: 'X' }).thenThrows(NotFoundError);
  });
});
