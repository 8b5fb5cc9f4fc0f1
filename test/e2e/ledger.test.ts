import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../events/catalog';
import { presets, type PresetName } from '../../domain/catalog/presets/index';
import type { LedgerLine } from '../../domain/ledger/line';
import { rebuildLedger } from '../../domain/ledger/rebuild';
import { LEDGER_CSV_COLUMNS } from '../../domain/ledger/statement';
import { startTestRuntime, uniqueEmail, type TestRuntime } from '../support/local-runtime';
import { allEvents, storedLedger } from '../support/stored-data';

const ZONE = 'Europe/Stockholm';
const today = () => DateTime.now().setZone(ZONE).startOf('day');
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });

/** A runtime running `preset` (CATALOG_PRESET is read per call by the handlers and the projector). */
function runtimeFor(preset: PresetName) {
  const ctx = {} as { rt: TestRuntime; admin: string; billing: string };
  beforeAll(async () => {
    process.env.CATALOG_PRESET = preset;
    ctx.rt = await startTestRuntime();
    ctx.admin = await ctx.rt.token('admin');
    ctx.billing = await ctx.rt.token('billing');
  });
  afterAll(() => ctx.rt?.stop());
  return ctx;
}

const range = () => `from=${today().minus({ days: 1 }).toISODate()}&to=${today().plus({ days: 1 }).toISODate()}`;

/**
 * A deployment runs one catalog; the handlers' AWS clients are per process (as in a Lambda
 * container), so one runtime serves both customers here and CATALOG_PRESET is switched between
 * them (every handler and the projector read it per call). The rebuild folds each customer's
 * streams with the catalog they were written with.
 */
describe('the ledger through the HTTP API', () => {
  const ctx = runtimeFor('qualisys');
  afterAll(() => {
    process.env.CATALOG_PRESET = 'qualisys';
  });
  const customerId = `CUST-QA-${Date.now()}`;
  const oxCustomerId = `CUST-OX-${Date.now()}`;
  const oxContracts: string[] = [];

  it('books a Diamond agreement with the extended warranty (Swedish VAT) and a reinstated Gold contract (no VAT in the Americas); JSON and CSV agree', async () => {
    const { rt, admin, billing } = ctx;
    const create = (body: Record<string, unknown>) => rt.call('POST', '/v1/contracts', { token: admin, body: { timeZone: ZONE, termMonths: 12, ...body } });
    // qualisys-support-agreement.txt: extended hardware warranty "based on the size of the total camera system" (example values)
    const diamond = await create({
      customer: { name: 'Gait Lab', email: uniqueEmail('lab'), locale: 'en', customerId, country: 'SE' },
      planId: 'diamond',
      regionId: 'international',
      startsOn: today().toISODate(),
      addOns: [{ addOnId: 'extended-hardware-warranty', size: 10 }],
    });
    expect(diamond.status, JSON.stringify(diamond.body)).toBe(201);
    // a Gold contract whose term ended 60 days ago: past the 30-day grace, so reinstated with the 10 % fee (USD 250.00)
    const gold = await create({
      customer: { name: 'Gait Lab US', email: uniqueEmail('lab'), locale: 'en', customerId },
      planId: 'gold',
      regionId: 'americas',
      startsOn: today().minus({ days: 60 }).minus({ months: 12 }).toISODate(),
    });
    expect(gold.status, JSON.stringify(gold.body)).toBe(201);
    await rt.settle();
    const renewed = await rt.call('POST', `/v1/contracts/${gold.body.contractId}/renewals`, { token: admin });
    expect([renewed.status, renewed.body.outcome], JSON.stringify(renewed.body)).toEqual([200, 'reinstated']);
    await rt.settle();

    const ledger = await rt.call('GET', `/v1/customers/${customerId}/ledger?${range()}`, { token: billing });
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    const lines = ledger.body.lines as LedgerLine[];
    const summary = lines.map((l) => [l.contractId, l.kind, l.ref, l.quantity, l.net, l.vat?.amount]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [diamond.body.contractId, 'agreement', 'diamond', 1, eur(370_000), eur(92_500)],
        [diamond.body.contractId, 'add-on', 'extended-hardware-warranty', 1, eur(200_000), eur(50_000)],
        [gold.body.contractId, 'agreement', 'gold', 1, usd(250_000), undefined],
        [gold.body.contractId, 'reactivation-fee', 'penalty', 1, usd(25_000), undefined],
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(ledger.body.totals).toEqual([
      { currency: 'EUR', net: 570_000, vat: 142_500, gross: 712_500 },
      { currency: 'USD', net: 275_000, vat: 0, gross: 275_000 },
    ]);

    const csv = await rt.call('GET', `/v1/customers/${customerId}/ledger?${range()}&format=csv`, { token: billing });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const records = (csv.body as string).trimEnd().split('\r\n');
    expect(records[0]).toBe(LEDGER_CSV_COLUMNS.join(','));
    expect(records).toHaveLength(5);
    // a description with a comma is quoted (RFC 4180); amounts in major units, the VAT rate in percent
    expect(records.find((r) => r.includes(',add-on,'))).toContain(',add-on,extended-hardware-warranty,"Extended hardware warranty, 10 cameras",1,year,2000.00,EUR,2000.00,SE,25,500.00,2500.00,vendor,,contract#');

    // roles and ranges
    expect((await rt.call('GET', `/v1/customers/${customerId}/ledger?${range()}`, { token: await rt.token('agent-l1') })).status).toBe(403);
    const backwards = await rt.call('GET', `/v1/customers/${customerId}/ledger?from=2026-02-01&to=2026-01-01`, { token: billing });
    expect([backwards.status, backwards.body.error.fields]).toEqual([400, [{ path: 'to', message: expect.any(String) }]]);
    const tooLong = await rt.call('GET', `/v1/customers/${customerId}/ledger?from=2025-01-01&to=2026-01-02`, { token: billing });
    expect([tooLong.status, tooLong.body.error.fields?.[0]?.path]).toEqual([400, 'to']);
    const malformed = await rt.call('GET', `/v1/customers/${customerId}/ledger?from=2026-02-30`, { token: billing });
    expect([malformed.status, malformed.body.error.fields?.[0]?.path]).toEqual([400, 'from']);

  });

  it('onyxceph-support-levels.txt "EUR 99 + VAT per license package", bought through a reseller: 3 packages, billed by the reseller, remitted in its annual billing', async () => {
    const { rt, admin } = ctx;
    process.env.CATALOG_PRESET = 'onyxceph';
    const customerId = oxCustomerId;
    const created = await rt.call('POST', '/v1/contracts', {
      token: admin,
      body: {
        customer: { name: 'Praxis Dr. Beispiel', email: uniqueEmail('praxis'), locale: 'de', customerId, country: 'DE' },
        planId: 'software-maintenance',
        startsOn: today().toISODate(),
        termMonths: 12,
        timeZone: 'Europe/Berlin',
        licencePackages: 3,
        distributorId: 'dist-7',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    oxContracts.push(created.body.contractId);
    await rt.settle();
    process.env.CATALOG_PRESET = 'qualisys';
    const ledger = await rt.call('GET', `/v1/customers/${customerId}/ledger?${range()}`, { token: admin });
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    expect(ledger.body.lines).toEqual([
      expect.objectContaining({
        kind: 'agreement',
        quantity: 3,
        unit: 'licence package',
        unitPrice: eur(9_900),
        net: eur(29_700),
        vat: { country: 'DE', percent: 19, amount: eur(5_643) },
        billedBy: { party: 'reseller', distributorId: 'dist-7', remitsToVendor: eur(29_700), remittance: 'annual-billing' },
      }),
    ]);
    const csv = await rt.call('GET', `/v1/customers/${customerId}/ledger?${range()}&format=csv`, { token: admin });
    expect((csv.body as string).split('\r\n')[1]).toContain(',3,licence package,99.00,EUR,297.00,DE,19,56.43,353.43,reseller:dist-7,297.00,');
  });

  it('rebuilds from every event in the events table exactly the ledger the projector stored', async () => {
    const { rt } = ctx;
    const events = await allEvents(rt);
    const onyx = (e: DomainEvent) => oxContracts.some((id) => e.streamId.endsWith(id));
    const rebuilt = [...rebuildLedger(events.filter((e) => !onyx(e)), presets.qualisys), ...rebuildLedger(events.filter(onyx), presets.onyxceph)];
    const stored = await storedLedger(rt);
    expect(stored.map((l) => l.customerId)).toEqual(expect.arrayContaining([customerId, oxCustomerId]));
    expect(stored).toHaveLength(5);
    // the rebuild's order is the stored order (customer, date, line id): CUST-OX sorts after CUST-QA
    expect([...rebuilt].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))).toEqual(stored);
  });
});
