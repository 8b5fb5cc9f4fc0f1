import { DateTime } from 'luxon';
import type { NewEvent } from '../../events/catalog';
import type { OrderedAddOn, QuoteLine, RegisteredPerson } from '../../events/contract';
import { findAddOn, mandatoryAddOns } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import { ConflictError, ValidationError } from '../errors';
import type { Activate, AddAddOn, AddRegisteredPerson, ChangeLicence, ChangeLicencePackages, RemoveAddOn, RemoveRegisteredPerson } from './commands';
import { existing, inStatus } from './guards';
import { dateIn } from './deadlines';
import { addOnIssues, firstTerm, licenceIssues } from './order';
import { quoteOrder } from './quote';
import { seatIssues } from './seats';
import type { Contract, ContractState } from './state';

/** Activation, and what a contract holds: add-ons, registered persons, licence packages. */

export function activate(command: Activate, state: ContractState): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, ['ordered'], 'activate it');
  return [{ type: 'ContractActivated', payload: { contractId: contract.contractId, ...firstTerm(contract.startsOn, contract.termMonths, contract.timeZone) } }];
}

const changeable = ['ordered', 'active'] as const;

/** The quote of what a contract holds (plan, licence packages, add-ons, registered persons) for `termMonths`. */
export const holdingsQuote = (catalog: Catalog, contract: Contract, holdings: Pick<Contract, 'addOns' | 'persons'>, termMonths: number) =>
  quoteOrder(catalog, {
    planId: contract.planId,
    regionId: contract.regionId,
    termMonths,
    licencePackages: contract.licencePackages,
    addOns: holdings.addOns,
    registeredPersons: holdings.persons,
  });

/**
 * Months an addition is charged for: before activation the whole term; during a term the months
 * from `now` (its date in the contract's zone) to the term's end, a started month counting whole
 * (so a yearly price counts once per started year left); without `now`, the whole term.
 */
function monthsCharged(contract: Contract, now: string | undefined): number {
  if (contract.status !== 'active' || !contract.term || now === undefined) return contract.termMonths;
  const today = DateTime.fromISO(dateIn(now, contract.timeZone), { zone: 'UTC' });
  const months = DateTime.fromISO(contract.term.termEndsOn, { zone: 'UTC' }).diff(today, 'months').months;
  return Math.max(0, Math.ceil(months));
}

/**
 * What an addition charges: the lines (and the part of a line's quantity) that the quote of the
 * holdings after it has beyond the quote before it, for the months charged; none at a price of 0.
 */
function additionCharge(catalog: Catalog, contract: Contract, after: Pick<Contract, 'addOns' | 'persons'>, now: string | undefined): { charge?: QuoteLine[] } {
  const months = monthsCharged(contract, now);
  if (months === 0) return {};
  const before = holdingsQuote(catalog, contract, contract, months).lines;
  const charge = holdingsQuote(catalog, contract, after, months).lines.flatMap((line): QuoteLine[] => {
    const was = before.find((b) => b.kind === line.kind && b.ref === line.ref);
    const quantity = line.quantity - (was?.quantity ?? 0);
    if (quantity <= 0 || line.unitPrice.amount === 0) return [];
    const description = was && line.kind === 'extra-person' ? `${findAddOn(catalog, line.ref)?.name ?? line.ref}: a further registered person` : line.description;
    return [{ ...line, description, quantity, amount: { amount: line.unitPrice.amount * quantity, currency: line.unitPrice.currency } }];
  });
  return charge.length > 0 ? { charge } : {};
}

/** `now` (the decision's instant) prices the add-on for the started years left of an active term; without it, the whole term. */
export function addAddOn(command: AddAddOn, state: ContractState, catalog: Catalog, now: string): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'add an add-on');
  if (contract.addOns.some((a) => a.addOnId === command.addOnId))
    throw new ConflictError('add_on_held', `Contract ${contract.contractId} already has ${findAddOn(catalog, command.addOnId)?.name ?? command.addOnId}.`);
  const { type: _, contractId: __, ...addOn } = command;
  const issues = addOnIssues(catalog, contract.planId, contract.regionId, addOn, '').map((i) => ({ ...i, path: i.path.replace(/^\./, '') }));
  if (issues.length > 0) throw new ValidationError(issues);
  const charge = additionCharge(catalog, contract, { addOns: [...contract.addOns, addOn as OrderedAddOn], persons: contract.persons }, now);
  return [{ type: 'AddOnAdded', payload: { contractId: contract.contractId, ...addOn, ...charge } }];
}

export function removeAddOn(command: RemoveAddOn, state: ContractState, catalog: Catalog): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'remove an add-on');
  const name = findAddOn(catalog, command.addOnId)?.name ?? command.addOnId;
  if (!contract.addOns.some((a) => a.addOnId === command.addOnId))
    throw new ConflictError('add_on_not_held', `Contract ${contract.contractId} has no ${name}.`);
  if (contract.segment && mandatoryAddOns(catalog, contract.segment).some((a) => a.id === command.addOnId)) {
    const segment = catalog.customerSegments.find((s) => s.id === contract.segment)?.name ?? contract.segment;
    throw new ConflictError('add_on_mandatory', `${name} is mandatory for ${segment} and cannot be removed.`);
  }
  const remaining = contract.addOns.filter((a) => a.addOnId !== command.addOnId);
  const [seats] = seatIssues(catalog, remaining, contract.persons);
  if (seats)
    throw new ConflictError('add_on_in_use', `${name} cannot be removed while its registered persons are: ${seats.message} Remove the persons first.`);
  return [{ type: 'AddOnRemoved', payload: { contractId: contract.contractId, addOnId: command.addOnId } }];
}

/** A person beyond the included seats is charged at the further-person price (see `addAddOn` for `now`). */
export function addRegisteredPerson(command: AddRegisteredPerson, state: ContractState, catalog: Catalog, now: string): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'register a person');
  if (contract.persons.some((p) => p.personId === command.personId))
    throw new ConflictError('person_registered', `Person ${command.personId} is already registered.`);
  const { type: _, contractId: __, ...person } = command;
  const [issue] = seatIssues(catalog, contract.addOns, [...contract.persons, person]);
  if (issue) throw new ConflictError('no_seat', issue.message);
  const charge = additionCharge(catalog, contract, { addOns: contract.addOns, persons: [...contract.persons, person as RegisteredPerson] }, now);
  return [{ type: 'RegisteredPersonAdded', payload: { contractId: contract.contractId, ...person, ...charge } }];
}

export function removeRegisteredPerson(command: RemoveRegisteredPerson, state: ContractState): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'remove a registered person');
  if (!contract.persons.some((p) => p.personId === command.personId))
    throw new ConflictError('person_not_registered', `Person ${command.personId} is not registered on contract ${contract.contractId}.`);
  return [{ type: 'RegisteredPersonRemoved', payload: { contractId: contract.contractId, personId: command.personId } }];
}

export function changeLicencePackages(command: ChangeLicencePackages, state: ContractState): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'change the licence packages');
  const to = command.licencePackages;
  if (!Number.isSafeInteger(to) || to < 1) throw new ValidationError([{ path: 'licencePackages', message: 'Hold at least one licence package.' }]);
  if (to === contract.licencePackages) return [];
  return [{ type: 'LicencePackagesChanged', payload: { contractId: contract.contractId, from: contract.licencePackages, to } }];
}

/** The licence the credit depends on: the same licence again changes nothing; the credit follows it from the next contract year. */
export function changeLicence(command: ChangeLicence, state: ContractState, catalog: Catalog): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'change the licence');
  const issues = licenceIssues(catalog, contract.regionId, command.licence, 'licence');
  if (issues.length > 0) throw new ValidationError(issues);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((m) => b.includes(m));
  const held = contract.licence;
  if (held && held.annualValue.amount === command.licence.annualValue.amount && held.annualValue.currency === command.licence.annualValue.currency && same(held.mainModules, command.licence.mainModules))
    return [];
  return [{ type: 'LicenceChanged', payload: { contractId: contract.contractId, licence: command.licence } }];
}
