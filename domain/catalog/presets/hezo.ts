import { loadCatalog } from '../load';
import type { CatalogInput, PlanInput } from '../schema/index';

/**
 * HEZO Assistance QSP for Qualstar, from `hezo-service-terms-pl.txt` (Polish). Two options, SOS
 * (on-site support and diagnosis) and AHB (guaranteed parts delivery), each with phone support
 * 8x5 or 24x7 and a guaranteed time of 8 hours or the next business day, for 1 or 3 years. Each
 * combination is one plan. The seed names no prices: every amount is an example value in PLN.
 */
type Option = 'sos' | 'ahb';
type Window = '8x5' | '24x7';
type Delivery = '8h' | 'nbd';

// "Gwarantowany czas ... 8h lub NBD"; NBD: "dostawa sprzętu na Następny Dzień Roboczy".
const guaranteed = { '8h': { unit: 'minutes', value: 480 }, nbd: { unit: 'next-business-day' } } as const;

const options = {
  sos: {
    name: 'HEZO SOS',
    // "Wsparcie w miejscu instalacji: TAK (8h lub NBD)", "Diagnoza w miejscu instalacji: TAK (8h lub NBD)"
    extraChannels: ['on-site'],
    extraServices: ['onsite-support', 'onsite-diagnosis'],
    // The seed does not say when the on-site clock starts; an on-site diagnosis is part of
    // verifying the report, so it runs from the report.
    target: (delivery: Delivery) => ({ metric: 'on-site', within: guaranteed[delivery], from: 'report' }) as const,
  },
  ahb: {
    name: 'HEZO AHB',
    // "Wsparcie w miejscu instalacji: NIE"; "Gwarantowany czas dostawy części: 8h lub NBD"
    extraChannels: [],
    extraServices: ['parts-delivery'],
    // "Czas dostawy ... mierzony od momentu zaakceptowania zasadności zgłoszenia serwisowego"
    target: (delivery: Delivery) => ({ metric: 'parts-delivery', within: guaranteed[delivery], from: 'acceptance' }) as const,
  },
} as const;

// example value: the seed names no prices; PLN (major units) for 12 and 36 months.
const examplePrices: Record<string, { 12: number; 36: number }> = {
  'sos-8x5-nbd': { 12: 4_800, 36: 12_900 },
  'sos-8x5-8h': { 12: 6_900, 36: 18_600 },
  'sos-24x7-nbd': { 12: 7_900, 36: 21_300 },
  'sos-24x7-8h': { 12: 9_900, 36: 26_700 },
  'ahb-8x5-nbd': { 12: 2_900, 36: 7_800 },
  'ahb-8x5-8h': { 12: 4_200, 36: 11_300 },
  'ahb-24x7-nbd': { 12: 4_900, 36: 13_200 },
  'ahb-24x7-8h': { 12: 6_300, 36: 17_000 },
};

function plan(option: Option, window: Window, delivery: Delivery): PlanInput {
  const id = `${option}-${window}-${delivery}`;
  const { name, extraChannels, extraServices, target } = options[option];
  const prices = examplePrices[id];
  return {
    id,
    name: `${name} ${window}, ${delivery === 'nbd' ? 'NBD' : '8h'}`,
    // "dostępne są w wariantach rocznych i trzyletnich"
    termsMonths: [12, 36],
    prices: [
      { region: 'pl', termMonths: 12, amount: prices[12] * 100, currency: 'PLN' },
      { region: 'pl', termMonths: 36, amount: prices[36] * 100, currency: 'PLN' },
    ],
    entitlements: {
      // Reports "za pośrednictwem: Infolinii telefonicznej, Portalu internetowego (myHEZO.pl), Wiadomości e-mail"
      channels: ['phone', 'portal', 'email', ...extraChannels],
      // Both options: "Wsparcie techniczne", "Zdalna diagnoza techniczna", "Wsparcie techniczne w
      // języku polskim", "Firmware/Software Upgrades Included".
      services: ['technical-support', 'remote-diagnosis', 'polish-language-support', 'firmware-upgrades', ...extraServices],
    },
    sla: {
      window,
      targets: [
        // "czas reakcji zawsze wynosi nie więcej niż 1 godzina", counted "w ramach godzin wykonywania usługi"
        { metric: 'reaction', within: { unit: 'minutes', value: 60 }, from: 'report' },
        target(delivery),
      ],
    },
    // Portal registration: "numer NIP użytkownika końcowego (powinien zgadzać się z numerem NIP
    // przekazanym w procesie zamówienia)", "numer seryjny urządzenia", "numer umowy HEZO".
    registration: {
      requires: [
        { fact: 'end-user-tax-id', mustMatchOrder: true },
        { fact: 'device-serial-number' },
        { fact: 'contract-number' },
      ],
    },
    // "Do przyjęcia zgłoszenia konieczne jest podanie numeru seryjnego urządzenia ... oraz numeru umowy serwisowej."
    ticketRequires: ['device-serial-number', 'contract-number'],
    // "odesłać uszkodzone urządzenie w ciągu 7 dni ... na podstawie otrzymanego i z góry opłaconego
    // listu przewozowego"; a replacement ships only "po weryfikacji zgłoszenia".
    rma: { returnWithinDays: 7, returnShippingPaidBy: 'vendor', verifiedBeforeReplacement: true },
  };
}

const nineToFive = [{ from: '09:00', to: '17:00' }];

const data: CatalogInput = {
  vendor: { id: 'hezo', name: 'HEZO Assistance (Veracomp – Exclusive Networks Poland)' },
  // The 8x5 hours are Polish business hours (the seed is the Polish distributor's terms).
  defaultTimeZone: 'Europe/Warsaw',
  // example value: the seed names no currency; the service is sold in Poland.
  regions: [{ id: 'pl', name: 'Poland', currency: 'PLN', country: 'PL' }],
  // example value: the Polish standard VAT rate; the seed's prices are net.
  vat: [{ country: 'PL', name: 'VAT (PTU)', percent: 23, since: '2011-01-01' }],
  services: [
    { id: 'technical-support', name: 'Technical support' },
    { id: 'remote-diagnosis', name: 'Remote technical diagnosis' },
    { id: 'onsite-support', name: 'On-site support' },
    { id: 'onsite-diagnosis', name: 'On-site diagnosis' },
    { id: 'parts-delivery', name: 'Guaranteed delivery of parts or replacement devices' },
    { id: 'polish-language-support', name: 'Technical support in Polish' },
    { id: 'firmware-upgrades', name: 'Firmware/software upgrades' },
    { id: 'system-review', name: 'System review' },
    { id: 'service-visits', name: 'Service visits' },
  ],
  serviceWindows: [
    // "8x5 – od godz. 9:00 do 17:00 ... od poniedziałku do piątku, z wyłączeniem świąt i dni ustawowo wolnych od pracy"
    {
      id: '8x5',
      name: '8x5 (Mon–Fri 09:00–17:00, public holidays excluded)',
      calendar: { timeZone: 'Europe/Warsaw', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays: { country: 'pl', types: ['public'] } },
    },
    // 24x7: always open; NBD still counts Polish business days.
    { id: '24x7', name: '24x7', calendar: { timeZone: 'Europe/Warsaw', hours: 'always', holidays: { country: 'pl', types: ['public'] } } },
  ],
  plans: (['sos', 'ahb'] as const).flatMap((option) =>
    (['8x5', '24x7'] as const).flatMap((window) => (['nbd', '8h'] as const).map((delivery) => plan(option, window, delivery))),
  ),
  addOns: [
    {
      id: 'system-care',
      name: 'System care (system reviews and service visits)',
      // "Oprócz powyższych usług dostępne są także Usługi opieki nad systemem obejmujące przeglądy
      // systemu oraz wizyty serwisowe": offered besides SOS and AHB.
      grants: { services: ['system-review', 'service-visits'] },
      // "Przegląd systemu wykonywany jest nie rzadziej niż 1 raz w roku."
      systemReview: {
        everyMonths: 12,
        checks: [
          'Device logs reviewed for errors',
          'Firmware versions checked and updated where needed',
          'Devices checked after the firmware update',
          'Operating tests where needed',
        ],
      },
      // example value: the seed names no price.
      pricing: { kind: 'fixed', per: 'year', prices: [{ region: 'pl', amount: 150_000, currency: 'PLN' }] },
    },
  ],
  renewal: {
    // example value: the seed names no reminder dates.
    reminderDaysBefore: [60, 30, 7],
    // "można odnawiać w trakcie ważności kontraktu"; "W przypadku odnowienia serwisu po terminie
    // może zostać dodatkowa opłata wsteczna tzw. reactivation fee": no grace after the end date,
    // and the lapsed months are charged back (a started month counts whole).
    late: {
      graceDays: 0,
      backdateToAnniversary: false,
      backSupport: { startedMonthCountsWhole: true },
      penaltyPercent: 0, // example value: the seed names no fee amount
      minimumFee: [{ region: 'pl', amount: 50_000, currency: 'PLN' }], // example value: the seed names no fee amount
      cutoffDays: 365, // example value: the seed names no cut-off
    },
  },
  contacts: [
    { purpose: 'support', channel: 'phone', address: '+48 12 25 25 600' },
    { purpose: 'support', channel: 'portal', address: 'https://myHEZO.pl' },
    { purpose: 'support', channel: 'email', address: 'pomoc@myhezo.pl' },
    // "W przypadku eskalacji zgłoszenia, prosimy o kontakt na adres escalation@myhezo.pl lub telefonicznie"
    { purpose: 'escalation', channel: 'email', address: 'escalation@myhezo.pl' },
    { purpose: 'escalation', channel: 'phone', address: '12 25 25 502' },
  ],
  // "Wszelkie dodatkowe usługi nie objęte powyższym zakresem, a także prace poza standardowymi
  // godzinami pracy, są ustalane i wyceniane niezależnie"
  outOfScopeWork: 'quoted',
};

export const hezoCatalog = loadCatalog(data);
