import { describe, expect, it } from 'vitest';
import { isActivity, isCustomerStream } from '../../domain/privacy/activity';
import { auditCandidate, auditSettingsFrom, dayOf, DEFAULT_AUDIT_SETTINGS, eraseAfterFor, inactiveCutoff, pendingErasure } from '../../domain/privacy/audit';

/** The retention audit's rules: who is a customer, what counts as activity, the settings, and what the audit does with each subject. */
describe('the retention audit of unresponsive non-customers', () => {
  describe('settings', () => {
    it('defaults to 730 days of silence and 30 days of grace', () => {
      expect(auditSettingsFrom({})).toEqual({ inactiveDays: 730, graceDays: 30 });
      expect(auditSettingsFrom({ PRIVACY_AUDIT_INACTIVE_DAYS: '', PRIVACY_AUDIT_GRACE_DAYS: '  ' })).toEqual(DEFAULT_AUDIT_SETTINGS);
    });

    it('reads both variables', () => {
      expect(auditSettingsFrom({ PRIVACY_AUDIT_INACTIVE_DAYS: '365', PRIVACY_AUDIT_GRACE_DAYS: ' 14 ' })).toEqual({ inactiveDays: 365, graceDays: 14 });
    });

    it.each([
      ['PRIVACY_AUDIT_INACTIVE_DAYS', 'two years'],
      ['PRIVACY_AUDIT_INACTIVE_DAYS', '29'],
      ['PRIVACY_AUDIT_INACTIVE_DAYS', '3651'],
      ['PRIVACY_AUDIT_INACTIVE_DAYS', '-730'],
      ['PRIVACY_AUDIT_INACTIVE_DAYS', '730.5'],
      ['PRIVACY_AUDIT_GRACE_DAYS', '0'],
      ['PRIVACY_AUDIT_GRACE_DAYS', '366'],
    ])('refuses %s=%s, naming the variable', (name, value) => {
      expect(() => auditSettingsFrom({ [name]: value })).toThrow(name);
    });
  });

  describe('who is a customer', () => {
    it('a subject with data in a contract stream', () => {
      expect(isCustomerStream('contract#01J0000000000000000000000A')).toBe(true);
      for (const stream of ['ticket#01J0000000000000000000000A', 'privacy-request#r1', 'credit#01J0000000000000000000000A', 'subject#ab']) expect(isCustomerStream(stream)).toBe(false);
    });
  });

  describe('what counts as activity', () => {
    const owner = { owner: true, byEmail: true };
    const streamOwner = { owner: false, byEmail: false };
    const named = { owner: false, byEmail: true };
    const staff = { kind: 'staff' } as const;
    const website = { kind: 'customer' } as const;
    const system = { kind: 'system' } as const;

    it('a website form, for the person who sent it, not for others it names', () => {
      expect(isActivity('ContractOrdered', website, owner)).toBe(true);
      expect(isActivity('ContractOrdered', website, named)).toBe(false); // the registered persons of an order
      expect(isActivity('TicketOpened', website, owner)).toBe(true);
      expect(isActivity('PrivacyRequestReceived', website, owner)).toBe(true);
    });

    it('a ticket opened for them, their reply, their privacy request, whoever recorded it', () => {
      expect(isActivity('TicketOpened', staff, owner)).toBe(true);
      expect(isActivity('CustomerReplied', staff, streamOwner)).toBe(true);
      expect(isActivity('PrivacyRequestReceived', staff, owner)).toBe(true);
    });

    it('not what we do: staff replies, notes, resolutions, orders taken by staff, registered persons added', () => {
      expect(isActivity('AgentReplied', staff, streamOwner)).toBe(false);
      expect(isActivity('InternalNoteAdded', staff, streamOwner)).toBe(false);
      expect(isActivity('TicketResolved', staff, streamOwner)).toBe(false);
      expect(isActivity('ContractOrdered', staff, owner)).toBe(false);
      expect(isActivity('RegisteredPersonAdded', staff, named)).toBe(false);
      expect(isActivity('TicketEscalated', system, streamOwner)).toBe(false);
    });
  });

  describe('instants', () => {
    it('counts the period back from now and the grace forward, in UTC days', () => {
      expect(inactiveCutoff('2028-11-21T00:40:00.000Z', DEFAULT_AUDIT_SETTINGS)).toBe('2026-11-22T00:40:00.000Z');
      expect(eraseAfterFor('2028-11-21T00:40:00.000Z', DEFAULT_AUDIT_SETTINGS)).toBe('2028-12-21T00:40:00.000Z');
      expect(dayOf('2026-11-21T23:59:59.999Z')).toBe('2026-11-21');
      expect(dayOf('2026-11-22T00:30:00+02:00')).toBe('2026-11-21');
    });
  });

  describe('a subject in the audit index', () => {
    const now = '2028-11-21T00:40:00.000Z'; // cutoff 2026-11-22T00:40Z
    const facts = { indexedDay: '2026-11-01', lastActivityAt: '2026-11-01T10:00:00.000Z', customer: false, erased: false, flagged: false };

    it('a non-customer silent since before the cutoff is flagged, to be erased after the grace', () => {
      expect(auditCandidate(facts, now, DEFAULT_AUDIT_SETTINGS)).toEqual({ action: 'flag', lastActivityAt: facts.lastActivityAt, eraseAfter: '2028-12-21T00:40:00.000Z' });
      expect(auditCandidate({ ...facts, lastActivityAt: '2026-11-22T00:40:00.000Z', indexedDay: '2026-11-22' }, now, DEFAULT_AUDIT_SETTINGS).action).toBe('flag');
    });

    it('one heard from since moves to that day; one filed under the cutoff day but active after the cutoff stays', () => {
      expect(auditCandidate({ ...facts, lastActivityAt: '2027-05-02T08:00:00.000Z' }, now, DEFAULT_AUDIT_SETTINGS)).toEqual({ action: 'move', day: '2027-05-02' });
      expect(auditCandidate({ ...facts, indexedDay: '2026-11-22', lastActivityAt: '2026-11-22T09:00:00.000Z' }, now, DEFAULT_AUDIT_SETTINGS)).toEqual({ action: 'keep' });
    });

    it('customers, flagged, erased and forgotten subjects are dropped from the index', () => {
      for (const change of [{ customer: true }, { flagged: true }, { erased: true }, { lastActivityAt: undefined }]) {
        expect(auditCandidate({ ...facts, ...change }, now, DEFAULT_AUDIT_SETTINGS), JSON.stringify(change)).toEqual({ action: 'drop' });
      }
    });

    it('follows the configured period', () => {
      expect(auditCandidate({ ...facts, lastActivityAt: '2028-01-01T00:00:00.000Z', indexedDay: '2028-01-01' }, now, { inactiveDays: 300, graceDays: 7 })).toEqual({
        action: 'flag',
        lastActivityAt: '2028-01-01T00:00:00.000Z',
        eraseAfter: '2028-11-28T00:40:00.000Z',
      });
    });
  });

  describe('a flagged subject whose erasure is due', () => {
    const flagged = { lastActivityAt: '2026-11-01T10:00:00.000Z', eraseAfter: '2028-12-21T00:40:00.000Z' };
    const at = '2028-12-21T00:40:00.000Z';

    it('is erased when silent through the grace', () => {
      expect(pendingErasure({ flagged, erased: false, lastActivityAt: flagged.lastActivityAt, customer: false }, at)).toEqual({ action: 'erase' });
    });

    it('is cleared when heard from after the flag, or when it became a customer', () => {
      expect(pendingErasure({ flagged, erased: false, lastActivityAt: '2028-12-01T09:00:00.000Z', customer: false }, at)).toEqual({ action: 'clear', lastActivityAt: '2028-12-01T09:00:00.000Z' });
      expect(pendingErasure({ flagged, erased: false, lastActivityAt: flagged.lastActivityAt, customer: true }, at)).toEqual({ action: 'clear', lastActivityAt: flagged.lastActivityAt });
    });

    it('is left alone before its time, once erased, or when no longer flagged', () => {
      expect(pendingErasure({ flagged, erased: false, lastActivityAt: flagged.lastActivityAt, customer: false }, '2028-12-21T00:39:59.999Z')).toEqual({ action: 'none' });
      expect(pendingErasure({ flagged, erased: true, customer: false }, at)).toEqual({ action: 'none' });
      expect(pendingErasure({ erased: false, customer: false }, at)).toEqual({ action: 'none' });
    });
  });
});
