import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { mailsTo, uniqueEmail } from '../support/local-runtime';
import { presetRuntime } from '../support/preset-journey';

/**
 * What a contract holds, changed by staff through the HTTP API on the Q3 preset: Support+ (profi
 * and premium only, one registered person included, extra persons need the half-fare
 * subscription), licence packages, and cancellation with its e-mail. Every refusal is a 4xx with
 * the reason, and changes nothing.
 */
describe('changing what a contract holds (Q3 preset)', () => {
  const run = presetRuntime('q3');
  const call = (method: string, path: string, body?: unknown, token = run.admin) => run.rt.call(method, path, { token, ...(body === undefined ? {} : { body }) });
  const read = async (id: string) => (await call('GET', `/v1/contracts/${id}`)).body;

  async function contract(planId: string, email = uniqueEmail('holdings')): Promise<string> {
    const created = await call('POST', '/v1/contracts', { customer: { name: 'Hélène Favre', email, locale: 'fr' }, planId, termMonths: 12, startsOn: '2026-01-01' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await run.rt.settle();
    return created.body.contractId;
  }

  it('q3-support-concept-fr.txt: Support+ only on profi and premium, one person included, a second needs the half-fare subscription', async () => {
    const standard = await contract('standard');
    const refused = await call('POST', `/v1/contracts/${standard}/add-ons`, { addOnId: 'support-plus' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ path: 'addOnId', message: expect.stringMatching(/Profi|Premium/) });

    const profi = await contract('profi');
    const added = await call('POST', `/v1/contracts/${profi}/add-ons`, { addOnId: 'support-plus' });
    expect([added.status, added.body, added.headers.get('location')]).toEqual([201, { contractId: profi, addOn: { addOnId: 'support-plus' } }, `/v1/contracts/${profi}/add-ons/support-plus`]);
    expect((await call('POST', `/v1/contracts/${profi}/add-ons`, { addOnId: 'support-plus' })).body.error.code).toBe('add_on_held');

    const first = await call('POST', `/v1/contracts/${profi}/registered-persons`, { name: 'Anne', email: uniqueEmail('anne') });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const personId: string = first.body.person.personId;
    expect(first.headers.get('location')).toBe(`/v1/contracts/${profi}/registered-persons/${personId}`);
    const second = await call('POST', `/v1/contracts/${profi}/registered-persons`, { name: 'Marc', email: uniqueEmail('marc') });
    expect([second.status, second.body.error.code]).toEqual([409, 'no_seat']);
    expect(second.body.error.message).toMatch(/[Hh]alf-fare/);

    expect((await call('POST', `/v1/contracts/${profi}/add-ons`, { addOnId: 'half-fare' })).status).toBe(201);
    const marc = await call('POST', `/v1/contracts/${profi}/registered-persons`, { name: 'Marc', email: uniqueEmail('marc') });
    expect(marc.status).toBe(201);
    // The half fare cannot go while Marc needs it; once he is removed, it can.
    expect((await call('DELETE', `/v1/contracts/${profi}/add-ons/half-fare`)).body.error.code).toBe('add_on_in_use');
    const removed = await call('DELETE', `/v1/contracts/${profi}/registered-persons/${marc.body.person.personId}`);
    expect([removed.status, removed.body]).toEqual([200, { contractId: profi, removed: { personId: marc.body.person.personId } }]);
    expect((await call('DELETE', `/v1/contracts/${profi}/registered-persons/${marc.body.person.personId}`)).body.error.code).toBe('person_not_registered');
    expect((await call('DELETE', `/v1/contracts/${profi}/add-ons/half-fare`)).status).toBe(200);
    expect((await call('DELETE', `/v1/contracts/${profi}/add-ons/half-fare`)).body.error.code).toBe('add_on_not_held');

    await run.rt.settle();
    const view = await read(profi);
    expect(view.addOns).toEqual([{ addOnId: 'support-plus' }]);
    expect(view.registeredPersons).toEqual([{ personId, name: 'Anne', email: expect.any(String) }]);
  });

  it('sets the licence packages (a repeat changes nothing), cancels with a reason and mails it; a cancelled contract takes no changes', async () => {
    const email = uniqueEmail('cancel');
    const id = await contract('advanced', email);
    const set = (licencePackages: unknown) => call('PUT', `/v1/contracts/${id}/licence-packages`, { licencePackages });
    expect((await set(3)).body).toEqual({ contractId: id, licencePackages: 3, changed: true });
    expect((await set(3)).body).toEqual({ contractId: id, licencePackages: 3, changed: false });
    expect((await set(0)).body.error.fields[0].path).toBe('licencePackages');

    const agent = await call('POST', `/v1/contracts/${id}/cancellation`, { reason: 'no' }, await run.rt.token('agent-l1'));
    expect(agent.status).toBe(403);
    expect((await call('POST', `/v1/contracts/${id}/cancellation`, { reason: '  ' })).body.error.fields[0].path).toBe('reason');
    const cancelled = await call('POST', `/v1/contracts/${id}/cancellation`, { reason: 'Le cabinet ferme.' }, await run.rt.token('billing'));
    expect([cancelled.status, cancelled.body]).toEqual([200, { contractId: id, status: 'cancelled', reason: 'Le cabinet ferme.' }]);
    expect((await call('POST', `/v1/contracts/${id}/add-ons`, { addOnId: 'half-fare' })).body.error.code).toBe('contract_cancelled');
    expect((await set(4)).status).toBe(409);

    await run.rt.settle();
    expect(await read(id)).toMatchObject({ status: 'cancelled', cancelReason: 'Le cabinet ferme.', licencePackages: 3, addOns: [] });
    const last = (await mailsTo(email)).at(-1)!;
    expect(last.subject).toBe(`Votre contrat de support ${id} est résilié`);
    expect(last.text).toContain('Motif\u00a0: Le cabinet ferme.');
  });

  it('refuses unknown contracts, bad ids and another distributor’s agent, and writes nothing', async () => {
    expect((await call('POST', `/v1/contracts/${ulid()}/add-ons`, { addOnId: 'half-fare' })).status).toBe(404);
    expect((await call('DELETE', `/v1/contracts/${ulid()}/registered-persons/not-a-ulid`)).body.error.fields[0].path).toBe('personId');
    const id = await contract('premium');
    const other = await call('POST', `/v1/contracts/${id}/add-ons`, { addOnId: 'half-fare' }, await run.rt.token('agent-l0', 'elsewhere'));
    expect(other.status).toBe(403);
    expect((await call('POST', `/v1/contracts/${id}/add-ons`, { addOnId: 'half-fare', colour: 'red' })).body.error.fields[0].path).toBe('colour');
    await run.rt.settle();
    expect(await read(id)).toMatchObject({ addOns: [], version: 2 });
  });
});
