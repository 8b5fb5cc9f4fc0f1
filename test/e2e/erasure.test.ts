import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { streamCategory } from '../../events/envelope';
import { presets } from '../../domain/catalog/presets/index';
import { allProjections } from '../../domain/projections';
import { ERASED } from '../../functions/privacy/sealer';
import { sealer } from '../../functions/runtime/vault';
import { presetRuntime } from '../support/preset-journey';
import { q3ProfiContract } from '../support/q3-contract';
import { allEvents, scanAll } from '../support/stored-data';

/**
 * Erasure by crypto-shredding (`qualisys-privacy-policy.txt`: "erasure (unless a legal reason
 * applies, which is told to the person)"), through the HTTP API on the Q3 preset: a customer with
 * a contract, a ticket, replies and work notes is erased by the DPO. Afterwards no table, no e-mail
 * sent since and no log line captured holds any of the fixture values in clear; every view
 * rebuilt from the event store alone still builds and reads them as erased; the erasure says what
 * is kept for accounting law, why and until when.
 */
describe('erasing a data subject (Q3 preset)', () => {
  const run = presetRuntime('q3');
  const call = (method: string, path: string, body?: unknown, token = run.admin) => run.rt.call(method, path, { token, ...(body === undefined ? {} : { body }) });

  it('shreds every personal value of the subject everywhere; views rebuild; the invoice records are kept, with the reason and until when', async () => {
    const tag = randomUUID().slice(0, 8);
    const fixture = {
      name: `Zygmunt Fixturowski ${tag}`,
      email: `zygmunt.${tag}@example.com`,
      taxId: `CHE-${tag}-TAX`,
      phone: `+41 79 ${tag.slice(0, 3)} ${tag.slice(3, 7)}`,
      subject: `Bouclement ${tag}`,
      description: `Mon salaire ${tag} est faux`,
      reply: `Réponse pour Zygmunt ${tag}`,
      note: `Appel avec Zygmunt ${tag}`,
    };
    const values = Object.values(fixture);
    const logs: string[] = [];
    const capture = (write: typeof process.stdout.write) => ((chunk: unknown, ...rest: unknown[]) => {
      logs.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    const [out, err] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    try {
      const startsOn = DateTime.now().setZone('Europe/Zurich').minus({ months: 1 }).toISODate()!;
      const created = await call('POST', '/v1/contracts', q3ProfiContract({ name: fixture.name, email: fixture.email, locale: 'fr', taxId: fixture.taxId }, startsOn));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const contractId: string = created.body.contractId;
      await run.rt.settle();
      const opened = await call('POST', '/v1/tickets', {
        contractId, channel: 'email', category: 'general', severity: 'normal', subject: fixture.subject, description: fixture.description,
        contact: { name: fixture.name, email: fixture.email, phone: fixture.phone, locale: 'fr' },
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const ticketId: string = opened.body.ticketId;
      await run.rt.settle();
      expect((await call('POST', `/v1/tickets/${ticketId}/actions`, { action: 'reply', body: fixture.reply })).status).toBe(200);
      expect((await call('POST', `/v1/tickets/${ticketId}/work-logs`, { minutes: 30, activity: 'user-support', note: fixture.note })).status).toBe(201);
      await run.rt.settle();
      expect((await call('GET', `/v1/contracts/${contractId}`)).body.customer).toMatchObject({ name: fixture.name, email: fixture.email, taxId: fixture.taxId });

      expect((await call('GET', `/v1/contracts?customerEmail=${encodeURIComponent(fixture.email)}`)).body.items.map((i: { contractId: string }) => i.contractId)).toEqual([contractId]);
      const mailsBefore = (await storedMails()).length;
      const erased = await call('POST', '/v1/privacy/erasures', { email: fixture.email.toUpperCase() }, await run.rt.token('dpo'));
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      expect(erased.body).toMatchObject({ erased: true, recorded: true, heldData: true });
      expect(erased.body.kept).toEqual([
        { data: expect.stringMatching(/^Invoice lines/), reason: expect.stringMatching(/Accounting law .* 10 years/), until: `${DateTime.utc().year + 10}-12-31` },
      ]);
      expect((await call('POST', '/v1/privacy/erasures', { email: fixture.email }, await run.rt.token('dpo'))).body).toMatchObject({ recorded: false });
      expect((await call('POST', '/v1/privacy/erasures', { email: fixture.email }, await run.rt.token('agent-l1'))).status).toBe(403);

      // After the erasure: the API shows it erased, and a new reply mails nobody.
      expect((await call('GET', `/v1/contracts/${contractId}`)).body.customer).toMatchObject({ name: ERASED, email: ERASED, taxId: ERASED });
      expect((await call('GET', `/v1/tickets/${ticketId}`)).body.contact).toMatchObject({ name: ERASED, email: ERASED });
      // Nor can staff find the erased customer's contracts by the address any more.
      expect((await call('GET', `/v1/contracts?customerEmail=${encodeURIComponent(fixture.email)}`)).body.items).toEqual([]);
      expect((await call('POST', `/v1/tickets/${ticketId}/actions`, { action: 'reply', body: 'Suite' })).status).toBe(200);
      await run.rt.settle();

      // Every table, raw.
      for (const table of Object.values(run.rt.tables)) {
        const raw = JSON.stringify(await scanAll(run.rt, table));
        for (const value of values) expect(raw.includes(value), `${value} in table ${table}`).toBe(false);
      }
      // Every view, rebuilt from the event store alone, then opened as a reader would.
      const events = await allEvents(run.rt);
      const projections = allProjections(presets.q3);
      const byStream = new Map<string, typeof events>();
      for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
      let rebuilt = 0;
      for (const [stream, streamEvents] of byStream) {
        const projection = projections[streamCategory(stream)];
        if (!projection) continue;
        const view = [...streamEvents].sort((a, b) => a.version - b.version).reduce<unknown>((v, e) => projection.evolve(v, e), undefined);
        const text = JSON.stringify(await sealer().openDeep(view));
        for (const value of values) expect(text.includes(value), `${value} in the rebuilt view of ${stream}`).toBe(false);
        rebuilt++;
      }
      expect(rebuilt).toBeGreaterThanOrEqual(3);
      // The e-mails sent since, and the logs.
      const since = JSON.stringify((await storedMails()).slice(mailsBefore));
      for (const value of values) expect(since.includes(value), `${value} in an e-mail sent after the erasure`).toBe(false);
    } finally {
      process.stdout.write = out;
      process.stderr.write = err;
    }
    const logged = logs.join('');
    for (const value of values) expect(logged.includes(value), `${value} in the logs`).toBe(false);
  });

  it('a person erased before who comes back is a customer again (a new key), and can be erased again', async () => {
    const email = `returning.${randomUUID().slice(0, 8)}@example.com`;
    const startsOn = DateTime.now().setZone('Europe/Zurich').minus({ months: 1 }).toISODate()!;
    const first = await call('POST', '/v1/contracts', q3ProfiContract({ name: 'Rita Returning', email, locale: 'de' }, startsOn));
    await run.rt.settle();
    const dpo = await run.rt.token('dpo');
    expect((await call('POST', '/v1/privacy/erasures', { email }, dpo)).body).toMatchObject({ recorded: true });
    const again = await call('POST', '/v1/contracts', q3ProfiContract({ name: 'Rita Returning', email, locale: 'de' }, startsOn));
    expect(again.status).toBe(201);
    await run.rt.settle();
    // The new contract reads in clear and is found by the address; the old one stays erased.
    expect((await call('GET', `/v1/contracts/${again.body.contractId}`)).body.customer).toMatchObject({ name: 'Rita Returning', email });
    expect((await call('GET', `/v1/contracts/${first.body.contractId}`)).body.customer).toMatchObject({ name: ERASED, email: ERASED });
    expect((await call('GET', `/v1/contracts?customerEmail=${encodeURIComponent(email)}`)).body.items.map((i: { contractId: string }) => i.contractId)).toEqual([again.body.contractId]);
    // Erased again: the new key goes, and the erasure is recorded a second time; a repeat records nothing.
    expect((await call('POST', '/v1/privacy/erasures', { email }, dpo)).body).toMatchObject({ recorded: true });
    expect((await call('POST', '/v1/privacy/erasures', { email }, dpo)).body).toMatchObject({ recorded: false });
    expect((await call('GET', `/v1/contracts/${again.body.contractId}`)).body.customer).toMatchObject({ name: ERASED, email: ERASED });
  });
});

/** Every e-mail the SES emulator holds, in the order sent. */
async function storedMails(): Promise<unknown[]> {
  const response = await fetch(`${inject('sesEndpoint')}/store`);
  return ((await response.json()) as { emails: unknown[] }).emails;
}
