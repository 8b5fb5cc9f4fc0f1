import type { NewEvent } from '../../events/catalog';
import type { ContractOrdered, Licence, OrderedAddOn } from '../../events/contract';
import { addOnEligibility, findAddOn, findPlan, findRegion, mandatoryAddOns, planPrice } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import { joinOr } from '../catalog/schema/checks';
import { ConflictError, ValidationError, type FieldIssue } from '../errors';
import type { CreateContract, PlaceOrder } from './commands';
import { addOnUnitPrice, quoteOrder } from './quote';
import { seatIssues } from './seats';
import type { ContractState, Term } from './state';
import { canonicalTimeZone, dayStart, EARLIEST_START, isCalendarDate, isPlausibleStart, isTimeZone, LATEST_START, termEnd } from './term';

/** The default region of an order: the catalog's first region that prices the plan, else its first region. */
export function defaultRegion(catalog: Catalog, planId: string): string {
  const priced = findPlan(catalog, planId)?.prices[0]?.region;
  return catalog.regions.find((r) => r.id === priced)?.id ?? catalog.regions[0]!.id;
}

/** The first term of an order: from `startsOn` at 00:00 in the contract's zone. */
export function firstTerm(startsOn: string, termMonths: number, zone: string): Term {
  const { endsOn, endsAt } = termEnd(startsOn, termMonths, zone);
  return { termStartsOn: startsOn, termEndsOn: endsOn, termStartsAt: dayStart(startsOn, zone), termEndsAt: endsAt };
}

/** Issues of one ordered add-on (eligibility, known, priced in the region, sized when priced by size). */
export function addOnIssues(catalog: Catalog, planId: string, regionId: string, addOn: OrderedAddOn, at: string): FieldIssue[] {
  const found = findAddOn(catalog, addOn.addOnId);
  if (!found) return [{ path: `${at}.addOnId`, message: `There is no add-on ${addOn.addOnId}; choose one of ${catalog.addOns.map((a) => a.id).join(', ') || 'none'}.` }];
  const issues: FieldIssue[] = [];
  if (findPlan(catalog, planId)) {
    const eligibility = addOnEligibility(catalog, addOn.addOnId, planId);
    if (!eligibility.eligible) issues.push({ path: `${at}.addOnId`, message: eligibility.reason });
  }
  if (found.pricing.kind === 'by-size' && addOn.size === undefined)
    issues.push({ path: `${at}.size`, message: `${found.name} is priced by the number of ${found.pricing.unit}s; give that number.` });
  else if (addOnUnitPrice(found, regionId, addOn.size) === undefined && findRegion(catalog, regionId))
    issues.push({ path: `${at}.addOnId`, message: `${found.name} has no price in region ${regionId}.` });
  return issues;
}

/** Every wrong field of an order, at once. `zonePath` names where the zone came from. */
function orderIssues(command: PlaceOrder, regionId: string, zone: string, zonePath: string, catalog: Catalog): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const plan = findPlan(catalog, command.planId);
  if (!plan) issues.push({ path: 'planId', message: `Unknown plan ${command.planId}; choose one of ${catalog.plans.map((p) => p.id).join(', ')}.` });
  else if (!plan.termsMonths.includes(command.termMonths))
    issues.push({ path: 'termMonths', message: `${plan.name} is sold for ${plan.termsMonths.join(' or ')} months.` });
  if (plan?.registration?.requires.some((r) => r.fact === 'end-user-tax-id' && r.mustMatchOrder) && !command.customer.taxId)
    issues.push({ path: 'customer.taxId', message: `${plan.name} needs the end user's tax id on the order: registering for support checks it against the order.` });
  const region = findRegion(catalog, regionId);
  if (!region) issues.push({ path: 'regionId', message: `Unknown region ${regionId}; choose one of ${catalog.regions.map((r) => r.id).join(', ')}.` });
  else if (plan && plan.prices.length > 0) {
    if (!plan.prices.some((p) => p.region === regionId)) {
      const sold = [...new Set(plan.prices.map((p) => findRegion(catalog, p.region)?.name ?? p.region))];
      issues.push({ path: 'regionId', message: `${plan.name} is not sold in ${region.name}; it is sold in ${joinOr(sold)}.` });
    } else if (plan.termsMonths.includes(command.termMonths) && !planPrice(catalog, plan.id, regionId, command.termMonths))
      issues.push({ path: 'termMonths', message: `${plan.name} has no ${command.termMonths}-month price in ${region.name}.` });
  }
  if (!isCalendarDate(command.startsOn)) issues.push({ path: 'startsOn', message: 'Not a calendar date (YYYY-MM-DD).' });
  else if (!isPlausibleStart(command.startsOn))
    issues.push({ path: 'startsOn', message: `Choose a start date between ${EARLIEST_START} and ${LATEST_START}.` });
  if (!isTimeZone(zone)) issues.push({ path: zonePath, message: `Unknown IANA time zone ${zone}.` });
  const packages = command.licencePackages ?? 1;
  if (!Number.isSafeInteger(packages) || packages < 1) issues.push({ path: 'licencePackages', message: 'Order at least one licence package.' });

  const segment = command.customer.segment;
  if (segment !== undefined && !catalog.customerSegments.some((s) => s.id === segment))
    issues.push({ path: 'customer.segment', message: `Unknown customer segment ${segment}.` });

  const addOns = command.addOns ?? [];
  const seen = new Set<string>();
  addOns.forEach((addOn, i) => {
    if (seen.has(addOn.addOnId)) issues.push({ path: `addOns.${i}.addOnId`, message: `${addOn.addOnId} is ordered twice.` });
    seen.add(addOn.addOnId);
    issues.push(...addOnIssues(catalog, command.planId, regionId, addOn, `addOns.${i}`));
  });
  if (segment !== undefined) {
    const segmentName = catalog.customerSegments.find((s) => s.id === segment)?.name ?? segment;
    for (const required of mandatoryAddOns(catalog, segment))
      if (!seen.has(required.id)) issues.push({ path: 'addOns', message: `${required.name} is mandatory for ${segmentName}.` });
  }
  issues.push(...seatIssues(catalog, addOns, command.registeredPersons ?? []));
  if (command.licence) issues.push(...licenceIssues(catalog, regionId, command.licence, 'licence'));
  return issues;
}

/** Issues of a licence: its value in the region's currency, and main modules the catalog names (each once). */
export function licenceIssues(catalog: Catalog, regionId: string, licence: Licence, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const currency = findRegion(catalog, regionId)?.currency;
  if (currency && licence.annualValue.currency !== currency)
    issues.push({ path: `${at}.annualValue.currency`, message: `Region ${regionId} is priced in ${currency}, not ${licence.annualValue.currency}.` });
  const known = catalog.credit?.mainModules.map((m) => m.id) ?? [];
  licence.mainModules.forEach((module, i) => {
    if (!known.includes(module))
      issues.push({ path: `${at}.mainModules.${i}`, message: known.length ? `Unknown main module ${module}; choose from ${known.join(', ')}.` : 'This catalog names no main modules.' });
    else if (licence.mainModules.indexOf(module) !== i) issues.push({ path: `${at}.mainModules.${i}`, message: `${module} is listed twice.` });
  });
  return issues;
}

function ordered(command: PlaceOrder, state: ContractState, catalog: Catalog, zonePath: string): ContractOrdered {
  if (state.status !== 'none') throw new ConflictError('contract_exists', `Contract ${command.contractId} already exists.`);
  const zone = command.customer.timeZone ?? catalog.defaultTimeZone;
  const regionId = command.regionId ?? defaultRegion(catalog, command.planId);
  const issues = orderIssues(command, regionId, zone, zonePath, catalog);
  if (issues.length > 0) throw new ValidationError(issues);
  const licencePackages = command.licencePackages ?? 1;
  const addOns = command.addOns ?? [];
  const registeredPersons = command.registeredPersons ?? [];
  const { customer } = command;
  const country = customer.country ?? findRegion(catalog, regionId)?.country;
  return {
    contractId: command.contractId,
    channel: command.channel,
    customer: {
      name: customer.name,
      email: customer.email,
      locale: customer.locale,
      timeZone: canonicalTimeZone(zone),
      ...(customer.taxId !== undefined ? { taxId: customer.taxId } : {}),
      ...(customer.segment !== undefined ? { segment: customer.segment } : {}),
      customerId: customer.customerId ?? command.contractId,
      ...(country ? { country } : {}),
    },
    regionId,
    planId: command.planId,
    termMonths: command.termMonths,
    startsOn: command.startsOn,
    licencePackages,
    addOns,
    registeredPersons,
    ...(command.serialNumbers?.length ? { serialNumbers: command.serialNumbers } : {}),
    ...(command.distributorId ? { distributorId: command.distributorId } : {}),
    ...(command.licence ? { licence: command.licence } : {}),
    quote: quoteOrder(catalog, { planId: command.planId, regionId, termMonths: command.termMonths, licencePackages, addOns, registeredPersons }),
  };
}

export const placeOrder = (command: PlaceOrder, state: ContractState, catalog: Catalog): NewEvent[] => [
  { type: 'ContractOrdered', payload: ordered(command, state, catalog, 'customer.timeZone') },
];

/** Staff create a contract: the order and its activation in one decision. */
export function createContract(command: CreateContract, state: ContractState, catalog: Catalog): NewEvent[] {
  const order = ordered(
    {
      type: 'PlaceOrder',
      contractId: command.contractId,
      channel: 'staff',
      customer: { ...command.customer, ...(command.timeZone !== undefined ? { timeZone: command.timeZone } : {}) },
      planId: command.planId,
      termMonths: command.termMonths,
      startsOn: command.startsOn,
      ...(command.regionId !== undefined ? { regionId: command.regionId } : {}),
      ...(command.licencePackages !== undefined ? { licencePackages: command.licencePackages } : {}),
      ...(command.serialNumbers !== undefined ? { serialNumbers: command.serialNumbers } : {}),
      ...(command.distributorId !== undefined ? { distributorId: command.distributorId } : {}),
      ...(command.addOns !== undefined ? { addOns: command.addOns } : {}),
      ...(command.registeredPersons !== undefined ? { registeredPersons: command.registeredPersons } : {}),
      ...(command.licence !== undefined ? { licence: command.licence } : {}),
    },
    state,
    catalog,
    'timeZone',
  );
  return [
    { type: 'ContractOrdered', payload: order },
    { type: 'ContractActivated', payload: { contractId: order.contractId, ...firstTerm(order.startsOn, order.termMonths, order.customer.timeZone) } },
  ];
}
