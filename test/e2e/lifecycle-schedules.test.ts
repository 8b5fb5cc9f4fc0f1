import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractDecider } from '../../domain/contract/decider';
import { mailsTo, startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';

/**
 * The lifecycle schedules end to end on the local runtime (catalog: qualisys, the default): a
 * contract created over HTTP, the schedules fired at chosen times, the contract read back over
 * HTTP and the customer e-mails read from the SES emulator.
 *
 * Gold from 2025-02-01 in Stockholm ends on 2026-02-01 (at 2026-01-31T23:00Z). Qualisys (example
 * values): reminders 60, 30 and 7 days before the end day (from 2025-12-03, 2026-01-02 and
 * 2026-01-25, 00:00 local), a 30-day grace, so the lapse is at 00:00 local on 2026-03-04.
 */
const REMINDERS = [
  { offset: 60, before: '2025-12-02T00:15:00Z', on: '2025-12-03T00:15:00Z' },
  { offset: 30, before: '2026-01-01T00:15:00Z', on: '2026-01-02T00:15:00Z' },
  { offset: 7, before: '2026-01-24T00:15:00Z', on: '2026-01-25T00:15:00Z' },
];

describe('lifecycle schedules through the local runtime', () => {
  let rt: TestRuntime;
  let admin: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    admin = await rt.token('admin');
  });
  afterAll(() => rt?.stop());

  const fire = async (name: string, iso: string) => {
    await rt.fireSchedule(name, new Date(iso));
    await rt.settle();
  };
  const read = async (contractId: string) => (await rt.call('GET', `/v1/contracts/${contractId}`, { token: admin })).body;

  async function create(email: string, locale: string, name = 'Ada Lovelace'): Promise<string> {
    const created = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: { customer: { name, email, locale }, planId: 'gold', startsOn: '2025-02-01', termMonths: 12, timeZone: 'Europe/Stockholm' },
    });
    expect(created.status).toBe(201);
    await rt.settle();
    return created.body.contractId;
  }

  /** Renews as staff would (the decider's Renew command on the runtime's store), then lets the projector and notifier run. */
  async function renew(contractId: string, at: string) {
    const [{ runCommand }, { eventStore }, { activeCatalog }] = await Promise.all([
      import('../../functions/command-runner'),
      import('../../functions/runtime/store'),
      import('../../functions/runtime/catalog'),
    ]);
    const { events } = await runCommand(eventStore(), {
      decider: contractDecider,
      streamId: `contract#${contractId}`,
      catalog: activeCatalog(),
      command: { type: 'Renew', contractId },
      metadata: { occurredAt: at, correlationId: `renew-${contractId}`, causationId: `renew-${contractId}`, actor: { kind: 'staff', id: 'staff-1', role: 'admin' } },
      respond: () => undefined,
    });
    await rt.settle();
    return events;
  }

  it('reminds once per offset, expires at term end, lapses after grace, and mails each step (English)', async () => {
    const email = uniqueEmail('ada');
    const contractId = await create(email, 'en');
    const subjects = async () => (await mailsTo(email)).map((m) => m.subject);
    expect(await subjects()).toEqual([`Your support agreement ${contractId} is confirmed`]);

    for (const [i, { offset, before, on }] of REMINDERS.entries()) {
      await fire('renewal-reminders', before);
      expect(await mailsTo(email)).toHaveLength(1 + i);
      await fire('renewal-reminders', on);
      // Fired again the same day (a retried schedule): no second reminder.
      await fire('renewal-reminders', on);
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(2 + i);
      expect(mails.at(-1)!.subject).toBe(`Your support agreement ${contractId} ends on February 1, 2026`);
      expect(mails.at(-1)!.text).toContain(`in ${offset} days`);
      expect(mails.at(-1)!.text).toContain('renewal form');
      expect(await read(contractId)).toMatchObject({ status: 'active', remindedOffsets: REMINDERS.slice(0, i + 1).map((r) => r.offset) });
    }
    // Nothing left to remind of this term.
    await fire('renewal-reminders', '2026-01-30T00:15:00Z');
    expect(await mailsTo(email)).toHaveLength(4);

    await fire('expire-contracts', '2026-02-01T00:05:00Z');
    expect(await read(contractId)).toMatchObject({ status: 'expired', expiredAt: '2026-01-31T23:00:00.000Z' });
    // No reminder for an ended term, and the lapse waits for the grace period to end.
    await fire('renewal-reminders', '2026-02-01T00:15:00Z');
    await fire('lapse-contracts', '2026-03-03T00:10:00Z');
    expect((await read(contractId)).status).toBe('expired');
    await fire('lapse-contracts', '2026-03-04T00:10:00Z');
    await fire('lapse-contracts', '2026-03-04T00:10:00Z');
    const lapsed = await read(contractId);
    expect(lapsed).toMatchObject({ status: 'lapsed', lapsedAt: '2026-03-03T23:00:00.000Z' });
    const version = lapsed.version;

    expect(await subjects()).toEqual([
      `Your support agreement ${contractId} is confirmed`,
      ...REMINDERS.map(() => `Your support agreement ${contractId} ends on February 1, 2026`),
      `Your support agreement ${contractId} has expired`,
      `Your support agreement ${contractId} has lapsed`,
    ]);
    const lapseMail = (await mailsTo(email)).at(-1)!;
    expect(lapseMail.text).toContain('reactivation fee');

    // Every schedule fired again later changes nothing and mails nothing.
    for (const name of ['renewal-reminders', 'expire-contracts', 'lapse-contracts', 'system-reviews']) await fire(name, '2026-03-05T00:30:00Z');
    expect((await read(contractId)).version).toBe(version);
    expect(await mailsTo(email)).toHaveLength(6);
  });

  it('writes to a German customer in German, with the reinstatement fee in German notation', async () => {
    const email = uniqueEmail('grete');
    const contractId = await create(email, 'de', 'Grete Weiskopf');
    await fire('renewal-reminders', '2025-12-03T00:15:00Z');
    await fire('expire-contracts', '2026-02-01T00:05:00Z');
    await fire('lapse-contracts', '2026-03-04T00:10:00Z');
    expect((await read(contractId)).status).toBe('lapsed');

    // Renewed after the grace: reinstated with the fee (qualisys, example values: 10 % of USD 2,500.00, at least USD 250.00).
    const [reinstated] = await renew(contractId, '2026-03-20T09:00:00.000Z');
    expect(reinstated).toMatchObject({ type: 'ContractReinstated', payload: { total: { amount: 25_000, currency: 'USD' } } });
    expect(await read(contractId)).toMatchObject({ status: 'active', termStartsOn: '2026-02-01', termEndsOn: '2027-02-01' });

    const mails = await mailsTo(email);
    expect(mails.map((m) => m.subject)).toEqual([
      `Bestätigung Ihres Supportvertrags ${contractId}`,
      `Ihr Supportvertrag ${contractId} endet am 1. Februar 2026`,
      `Ihr Supportvertrag ${contractId} ist abgelaufen`,
      `Ihr Supportvertrag ${contractId} ist erloschen`,
      `Ihr Supportvertrag ${contractId} wurde reaktiviert`,
    ]);
    for (const mail of mails) {
      expect(mail.text).toContain('Guten Tag Grete Weiskopf,');
      expect(mail.html).toContain('lang="de"');
    }
    expect(mails[1].text).toContain('in 60 Tagen');
    const fee = mails[4].text.replace(/\s/g, ' ');
    expect(fee).toContain('vom 1. Februar 2026 bis zum 1. Februar 2027');
    expect(fee).toContain('Reaktivierungsgebühr: 250,00 $');
    expect(fee).toContain('Gesamt: 250,00 $');
  });

  it('mails an on-time renewal with the new term and its price', async () => {
    const email = uniqueEmail('sven');
    const contractId = await create(email, 'sv', 'Sven Svensson');
    const [renewed] = await renew(contractId, '2026-01-10T09:00:00.000Z');
    expect(renewed.type).toBe('ContractRenewed');
    const mail = (await mailsTo(email)).at(-1)!;
    expect(mail.subject).toBe(`Ditt supportavtal ${contractId} är förnyat`);
    expect(mail.text.replace(/\s/g, ' ')).toContain('2 500,00 US$');
    expect(mail.text).toContain('från 1 februari 2026 till 1 februari 2027');
  });
});
