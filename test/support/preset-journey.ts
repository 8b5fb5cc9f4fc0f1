import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect } from 'vitest';
import { presets, type PresetName } from '../../domain/catalog/presets/index';
import type { Catalog } from '../../domain/catalog/schema/catalog';
import { activeCatalog } from '../../functions/runtime/catalog';
import { mailsTo, startTestRuntime, uniqueEmail, type SentMail, type TestRuntime } from './local-runtime';

/**
 * One customer's journey through the HTTP API on the local runtime, for the catalog preset the
 * runtime runs (CATALOG_PRESET): website order → staff activation → the renewal reminders at each
 * of the preset's offsets → expiry at the term end → lapse after the grace → a late renewal
 * (POST /v1/contracts/{id}/renewals at the real now) reinstated with the reactivation fee, and the
 * fee paid in two parts by billing staff (support resumes only once it is paid in full), with
 * every customer e-mail read from the SES emulator.
 *
 * Renew takes the request time, so the order starts in the past: its term ends `daysLate` days
 * before today (in the contract's zone). The schedules are fired at past instants, in order, all
 * before the renewal; the expected fee is worked out here from the catalog's rule, independently
 * of the product's `quoteLateRenewal`.
 */

type Kind = 'back-support' | 'penalty' | 'minimum-fee';
interface Money { amount: number; currency: string }
interface ExpectedLine { kind: Kind; quantity: number; unitPrice: Money; amount: Money }

/** What the customer's e-mails say, per language (the wording of functions/notifier/templates). */
interface Wording {
  ordered(id: string): string;
  activated(id: string): string;
  reminder(id: string, date: string): string;
  inDays(n: number): string;
  expired(id: string): string;
  lapsed(id: string): string;
  reinstated(id: string): string;
  paid(id: string): string;
  total: string;
  feeLine(line: ExpectedLine, money: (m: Money) => string): string;
}

const plMonths = (n: number) => `${n} ${{ one: 'miesiąc', few: 'miesiące', many: 'miesięcy' }[new Intl.PluralRules('pl').select(n) as 'one' | 'few' | 'many'] ?? 'miesięcy'}`;
const unsupported = (locale: string, kind: Kind): never => {
  throw new Error(`no ${locale} wording for a ${kind} line in this helper`);
};

export const wording: Record<'en' | 'sv' | 'de' | 'fr' | 'pl', Wording> = {
  en: {
    ordered: (id) => `We have received your order ${id}`,
    activated: (id) => `Your support agreement ${id} is confirmed`,
    reminder: (id, date) => `Your support agreement ${id} ends on ${date}`,
    inDays: (n) => `in ${n} days`,
    expired: (id) => `Your support agreement ${id} has expired`,
    lapsed: (id) => `Your support agreement ${id} has lapsed`,
    reinstated: (id) => `Your support agreement ${id} has been reinstated`,
    paid: (id) => `Payment received for support agreement ${id}`,
    total: 'Total: ',
    feeLine: (line, money) =>
      line.kind === 'penalty' ? `Reactivation fee: ${money(line.amount)}`
      : line.kind === 'minimum-fee' ? `Up to the minimum reactivation fee: ${money(line.amount)}`
      : `Back-support for ${line.quantity} ${line.quantity === 1 ? 'month' : 'months'} at ${money(line.unitPrice)} a month: ${money(line.amount)}`,
  },
  sv: {
    ordered: (id) => `Vi har tagit emot din beställning ${id}`,
    activated: (id) => `Ditt supportavtal ${id} är bekräftat`,
    reminder: (id, date) => `Ditt supportavtal ${id} löper ut den ${date}`,
    inDays: (n) => `om ${n} dagar`,
    expired: (id) => `Ditt supportavtal ${id} har löpt ut`,
    lapsed: (id) => `Ditt supportavtal ${id} har upphört`,
    reinstated: (id) => `Ditt supportavtal ${id} är återaktiverat`,
    paid: (id) => `Betalning mottagen för supportavtal ${id}`,
    total: 'Totalt: ',
    feeLine: (line, money) =>
      line.kind === 'penalty' ? `Återaktiveringsavgift: ${money(line.amount)}`
      : line.kind === 'minimum-fee' ? `Utfyllnad till lägsta återaktiveringsavgift: ${money(line.amount)}`
      : unsupported('sv', line.kind),
  },
  de: {
    ordered: (id) => `Ihre Bestellung ${id} ist bei uns eingegangen`,
    activated: (id) => `Bestätigung Ihres Supportvertrags ${id}`,
    reminder: (id, date) => `Ihr Supportvertrag ${id} endet am ${date}`,
    inDays: (n) => `in ${n} Tagen`,
    expired: (id) => `Ihr Supportvertrag ${id} ist abgelaufen`,
    lapsed: (id) => `Ihr Supportvertrag ${id} ist erloschen`,
    reinstated: (id) => `Ihr Supportvertrag ${id} wurde reaktiviert`,
    paid: (id) => `Zahlung für Supportvertrag ${id} erhalten`,
    total: 'Gesamt: ',
    feeLine: (line, money) =>
      line.kind === 'penalty' ? `Reaktivierungsgebühr: ${money(line.amount)}`
      : line.kind === 'minimum-fee' ? `Aufstockung auf die Mindest-Reaktivierungsgebühr: ${money(line.amount)}`
      : unsupported('de', line.kind),
  },
  fr: {
    ordered: (id) => `Nous avons bien reçu votre commande ${id}`,
    activated: (id) => `Confirmation de votre contrat de support ${id}`,
    reminder: (id, date) => `Votre contrat de support ${id} arrive à échéance le ${date}`,
    inDays: (n) => `dans ${n} jours`,
    expired: (id) => `Votre contrat de support ${id} a expiré`,
    lapsed: (id) => `Votre contrat de support ${id} est résilié`,
    reinstated: (id) => `Votre contrat de support ${id} est réactivé`,
    paid: (id) => `Paiement reçu pour le contrat de support ${id}`,
    total: 'Total : ',
    feeLine: (line, money) =>
      line.kind === 'penalty' ? `Frais de réactivation : ${money(line.amount)}`
      : line.kind === 'minimum-fee' ? `Complément jusqu’au montant minimal des frais de réactivation : ${money(line.amount)}`
      : `Support rétroactif pour ${line.quantity} mois à ${money(line.unitPrice)} par mois : ${money(line.amount)}`,
  },
  pl: {
    ordered: (id) => `Potwierdzenie przyjęcia zamówienia nr ${id}`,
    activated: (id) => `Potwierdzenie zawarcia umowy serwisowej nr ${id}`,
    reminder: (id, date) => `Umowa serwisowa nr ${id} wygasa ${date}`,
    inDays: (n) => `za ${n} dni`,
    expired: (id) => `Umowa serwisowa nr ${id} wygasła`,
    lapsed: (id) => `Umowa serwisowa nr ${id} utraciła ważność`,
    reinstated: (id) => `Umowa serwisowa nr ${id} została reaktywowana`,
    paid: (id) => `Otrzymaliśmy płatność za umowę serwisową nr ${id}`,
    total: 'Razem: ',
    feeLine: (line, money) =>
      line.kind === 'penalty' ? `Opłata za reaktywację: ${money(line.amount)}`
      : line.kind === 'minimum-fee' ? `Wyrównanie do minimalnej opłaty za reaktywację: ${money(line.amount)}`
      : `Wsparcie za okres wsteczny: ${plMonths(line.quantity)} po ${money(line.unitPrice)}: ${money(line.amount)}`,
  },
};

/** Every kind of blank (no-break, narrow no-break) as one space, so wording compares across Intl's spacing. */
const blanks = (s: string) => s.replace(/\s/g, ' ');

/** Money in the customer's notation (2 minor digits: every preset currency has two). */
const moneyIn = (locale: string) => (m: Money) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(m.amount / 100);
const dateIn = (locale: string) => (isoDate: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });
/** An instant `minutes` after 00:00 local time on `date` in `zone`. */
const localAt = (date: string, zone: string, minutes = 15) => DateTime.fromISO(date, { zone }).startOf('day').plus({ minutes }).toJSDate();
const halfUp = (numerator: number, denominator: number) => Math.floor((2 * numerator + denominator) / (2 * denominator));

/**
 * The reinstatement the catalog's rule implies for a plan price, its term and the days from the
 * old end to the renewal day, worked out from the rule's numbers (see the rule's doc comment in
 * domain/catalog/schema/late-renewal.ts).
 */
export function expectedReinstatement(catalog: Catalog, regionId: string, price: Money, termMonths: number, termEndsOn: string, renewOn: string) {
  const rule = catalog.renewal.late;
  const daysLate = day(renewOn).diff(day(termEndsOn), 'days').days;
  expect(daysLate, 'the renewal day must fall after the grace').toBeGreaterThan(rule.graceDays);
  if (rule.cutoffDays !== null) expect(daysLate, 'the renewal day must fall before the cut-off').toBeLessThanOrEqual(rule.cutoffDays);
  let whole = 0;
  while (day(termEndsOn).plus({ months: whole + 1 }) <= day(renewOn)) whole += 1;
  const started = day(termEndsOn).plus({ months: whole }) < day(renewOn);
  const lapsedMonths = whole + (started && (rule.backSupport?.startedMonthCountsWhole ?? true) ? 1 : 0);
  const money = (amount: number): Money => ({ amount, currency: price.currency });
  const lines: ExpectedLine[] = [];
  if (rule.backSupport && lapsedMonths > 0) {
    const rate = halfUp(price.amount, termMonths);
    if (rate > 0) lines.push({ kind: 'back-support', quantity: lapsedMonths, unitPrice: money(rate), amount: money(rate * lapsedMonths) });
  }
  if (rule.penaltyPercent > 0) {
    const penalty = halfUp(price.amount * rule.penaltyPercent, 100);
    if (penalty > 0) lines.push({ kind: 'penalty', quantity: 1, unitPrice: money(penalty), amount: money(penalty) });
  }
  const subtotal = lines.reduce((sum, l) => sum + l.amount.amount, 0);
  const minimum = rule.minimumFee.find((m) => m.region === regionId);
  if (minimum && subtotal < minimum.amount)
    lines.push({ kind: 'minimum-fee', quantity: 1, unitPrice: money(minimum.amount - subtotal), amount: money(minimum.amount - subtotal) });
  return {
    lines,
    total: money(lines.reduce((sum, l) => sum + l.amount.amount, 0)),
    termStartsOn: rule.backdateToAnniversary ? termEndsOn : renewOn,
  };
}

export interface Journey {
  catalog: Catalog;
  locale: keyof typeof wording;
  planId: string;
  regionId: string;
  termMonths: number;
  /** Days from the term's end day to today in the contract's zone (after the grace, within the cut-off). */
  daysLate: number;
  licencePackages?: number;
  taxId?: string;
  name?: string;
}

/** Runs one preset journey end to end and returns what it saw, for preset-specific checks. */
export async function runJourney(rt: TestRuntime, admin: string, j: Journey) {
  const { catalog, locale } = j;
  const zone = catalog.defaultTimeZone;
  const words = wording[locale];
  const money = moneyIn(locale);
  const date = dateIn(locale);
  const email = uniqueEmail(`journey-${locale}`);
  const subjects = async () => (await mailsTo(email)).map((m) => m.subject);
  const read = async (id: string) => (await rt.call('GET', `/v1/contracts/${id}`, { token: admin })).body;
  const fire = async (name: string, at: Date) => {
    await rt.fireSchedule(name, at);
    await rt.settle();
  };

  const today = DateTime.now().setZone(zone).toISODate()!;
  const startsOn = day(today).minus({ days: j.daysLate }).minus({ months: j.termMonths }).toISODate()!;

  // 1. The website order form.
  const region = catalog.regions.find((r) => r.id === j.regionId)!;
  const plan = catalog.plans.find((p) => p.id === j.planId)!;
  const listPrice = plan.prices.find((p) => p.region === j.regionId && p.termMonths === j.termMonths);
  const packages = j.licencePackages ?? 1;
  const quantity = plan.pricePer === 'licence-package' ? packages : 1;
  const price: Money = { amount: (listPrice?.amount ?? 0) * quantity, currency: region.currency };
  const placed = await rt.call('POST', '/v1/public/orders', {
    headers: { 'idempotency-key': `journey-${randomUUID()}` },
    body: {
      customer: { name: j.name ?? 'Journey Customer', email, locale, timeZone: zone, ...(j.taxId ? { taxId: j.taxId } : {}) },
      regionId: j.regionId,
      planId: j.planId,
      termMonths: j.termMonths,
      startsOn,
      ...(j.licencePackages ? { licencePackages: j.licencePackages } : {}),
    },
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(202);
  const contractId: string = placed.body.contractId;
  expect(placed.body).toMatchObject({ status: 'ordered', quote: { total: price } });
  expect(placed.body.quote.lines).toEqual(
    listPrice ? [expect.objectContaining({ kind: 'plan', ref: plan.id, quantity, unitPrice: { amount: listPrice.amount, currency: region.currency }, amount: price })] : [],
  );
  await rt.settle();
  const [received] = await mailsTo(email);
  expect(received?.subject).toBe(words.ordered(contractId));
  expect(blanks(received!.text)).toContain(blanks(`${words.total}${money(price)}`));
  expect(received!.html).toContain(`lang="${locale}"`);

  // 2. Staff activate it: the first term runs from the ordered (past) start date.
  const termEndsOn = day(startsOn).plus({ months: j.termMonths }).toISODate()!;
  const activated = await rt.call('POST', `/v1/contracts/${contractId}/activation`, { token: admin });
  expect(activated.status, JSON.stringify(activated.body)).toBe(200);
  expect(activated.body).toMatchObject({ contractId, status: 'active', term: { termStartsOn: startsOn, termEndsOn } });
  await rt.settle();
  expect(await subjects()).toEqual([words.ordered(contractId), words.activated(contractId)]);

  // 3. The renewal reminders, one per offset of the preset, fired at 00:15 local on each reminder day.
  const offsets = [...catalog.renewal.reminderDaysBefore].sort((a, b) => b - a);
  expect(offsets.length).toBeGreaterThan(0);
  // The day before the first reminder, nothing goes out.
  await fire('renewal-reminders', localAt(day(termEndsOn).minus({ days: offsets[0]! + 1 }).toISODate()!, zone));
  expect(await mailsTo(email)).toHaveLength(2);
  for (const [i, offset] of offsets.entries()) {
    const on = localAt(day(termEndsOn).minus({ days: offset }).toISODate()!, zone);
    await fire('renewal-reminders', on);
    await fire('renewal-reminders', on); // a retried schedule sends nothing more
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(3 + i);
    const reminder = mails.at(-1)!;
    expect(reminder.subject).toBe(words.reminder(contractId, date(termEndsOn)));
    expect(blanks(reminder.text)).toContain(words.inDays(offset));
    expect(await read(contractId)).toMatchObject({ status: 'active', remindedOffsets: offsets.slice(0, i + 1) });
  }

  // 4. Expiry at the term end, lapse when the grace is over.
  const termEndsAt = DateTime.fromISO(termEndsOn, { zone }).startOf('day');
  await fire('expire-contracts', localAt(termEndsOn, zone, 5));
  expect(await read(contractId)).toMatchObject({ status: 'expired', expiredAt: termEndsAt.toUTC().toISO() });
  const lapseOn = day(termEndsOn).plus({ days: catalog.renewal.late.graceDays + 1 }).toISODate()!;
  await fire('lapse-contracts', localAt(day(lapseOn).minus({ days: 1 }).toISODate()!, zone, 10));
  expect((await read(contractId)).status).toBe('expired');
  await fire('lapse-contracts', localAt(lapseOn, zone, 10));
  expect(await read(contractId)).toMatchObject({
    status: 'lapsed',
    lapsedAt: DateTime.fromISO(lapseOn, { zone }).startOf('day').toUTC().toISO(),
  });

  // 5. The late renewal, now (after the grace, within any cut-off): reinstated with the fee.
  const renewOn = DateTime.now().setZone(zone).toISODate()!;
  const expected = expectedReinstatement(catalog, j.regionId, price, j.termMonths, termEndsOn, renewOn);
  const newTermEndsOn = day(expected.termStartsOn).plus({ months: j.termMonths }).toISODate()!;
  const renewed = await rt.call('POST', `/v1/contracts/${contractId}/renewals`, { token: admin });
  expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
  expect(renewed.body).toEqual({
    contractId,
    outcome: 'reinstated',
    term: { termStartsOn: expected.termStartsOn, termEndsOn: newTermEndsOn },
    fee: { lines: expected.lines.map((l) => ({ ...l, description: expect.any(String) })), total: expected.total },
  });
  await rt.settle();
  expect(await read(contractId)).toMatchObject({
    status: 'active',
    termStartsOn: expected.termStartsOn,
    termEndsOn: newTermEndsOn,
    reinstatementTotal: expected.total,
    remindedOffsets: [],
  });

  const mails = await mailsTo(email);
  expect(mails.map((m) => m.subject)).toEqual([
    words.ordered(contractId),
    words.activated(contractId),
    ...offsets.map(() => words.reminder(contractId, date(termEndsOn))),
    words.expired(contractId),
    words.lapsed(contractId),
    words.reinstated(contractId),
  ]);
  for (const mail of mails) expect(mail.html).toContain(`lang="${locale}"`);
  const feeMail = blanks(mails.at(-1)!.text);
  for (const line of expected.lines) expect(feeMail).toContain(blanks(words.feeLine(line, money)));
  expect(feeMail).toContain(blanks(`${words.total}${money(expected.total)}`));

  // 6. Billing records the payment of the fee, in two parts; support resumes only once it is paid in full.
  const billing = await rt.token('billing');
  const entitled = async () => {
    const answer = (await rt.call('GET', `/v1/contracts/${contractId}/entitlements`, { token: admin })).body;
    return Object.entries({ ...answer.channels, ...answer.services } as Record<string, { covered: boolean; reason?: string }>);
  };
  const planItems: readonly string[] = [...plan.entitlements.channels, ...plan.entitlements.services];
  const unpaid = await entitled();
  expect(unpaid.filter(([, c]) => c.covered)).toEqual([]);
  const [, firstChannel] = unpaid.find(([id]) => planItems.includes(id))!;
  expect(firstChannel.reason).toMatch(/reactivation fee is unpaid\. Paying it restores this\.$/);
  const pay = (amount: number, reference: string) =>
    rt.call('POST', `/v1/contracts/${contractId}/reactivation-fee/payments`, { token: billing, body: { paid: { amount, currency: price.currency }, reference } });
  const part = Math.floor(expected.total.amount / 2);
  const first = await pay(part, 'BANK-PART-1');
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body).toMatchObject({ recorded: true, settled: false, outstanding: { amount: expected.total.amount - part } });
  expect((await pay(part, 'BANK-PART-1')).body).toMatchObject({ recorded: false }); // the same payment read twice
  const tooMuch = await pay(expected.total.amount, 'BANK-PART-2');
  expect(tooMuch.status).toBe(400);
  expect(tooMuch.body.error.fields[0].path).toBe('paid.amount');
  await rt.settle();
  expect((await entitled()).filter(([, c]) => c.covered)).toEqual([]);
  const rest = await pay(expected.total.amount - part, 'BANK-PART-2');
  expect(rest.body).toMatchObject({ recorded: true, settled: true, outstanding: { amount: 0 } });
  await rt.settle();
  expect((await entitled()).filter(([, c]) => c.covered).map(([id]) => id).sort()).toEqual(planItems.filter((id) => unpaid.some(([c]) => c === id)).sort());
  expect((await read(contractId)).feeOutstanding).toBeUndefined();
  const receipts = (await mailsTo(email)).slice(mails.length);
  expect(receipts.map((m) => m.subject)).toEqual([words.paid(contractId), words.paid(contractId)]);
  expect(blanks(receipts[0]!.text)).toContain(blanks(money({ amount: expected.total.amount - part, currency: price.currency })));

  return { contractId, email, startsOn, termEndsOn, renewOn, price, expected, mails: [...mails, ...receipts] as SentMail[] };
}

/**
 * A local runtime running `preset` for the tests of one file (each file is its own process, so
 * CATALOG_PRESET stays with it), and `journey` runs a customer's journey on it with that catalog.
 */
export function presetRuntime(preset: PresetName) {
  const ctx = {} as { rt: TestRuntime; admin: string };
  beforeAll(async () => {
    process.env.CATALOG_PRESET = preset;
    ctx.rt = await startTestRuntime();
    ctx.admin = await ctx.rt.token('admin');
    expect(activeCatalog()).toBe(presets[preset]);
  });
  afterAll(() => ctx.rt?.stop());
  return {
    get rt() {
      return ctx.rt;
    },
    get admin() {
      return ctx.admin;
    },
    journey: (j: Omit<Journey, 'catalog'>) => runJourney(ctx.rt, ctx.admin, { ...j, catalog: presets[preset] }),
  };
}
