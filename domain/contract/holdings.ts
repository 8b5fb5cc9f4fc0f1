import type { NewEvent } from '../../events/catalog';
import { findAddOn, mandatoryAddOns } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import { ConflictError, ValidationError } from '../errors';
import type { Activate, AddAddOn, AddRegisteredPerson, ChangeLicencePackages, RemoveAddOn, RemoveRegisteredPerson } from './commands';
import { existing, inStatus } from './guards';
import { addOnIssues, firstTerm } from './order';
import { seatIssues } from './seats';
import type { ContractState } from './state';

/** Activation, and what a contract holds: add-ons, registered persons, licence packages. */

export function activate(command: Activate, state: ContractState): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, ['ordered'], 'activate it');
  return [{ type: 'ContractActivated', payload: { contractId: contract.contractId, ...firstTerm(contract.startsOn, contract.termMonths, contract.timeZone) } }];
}

const changeable = ['ordered', 'active'] as const;

export function addAddOn(command: AddAddOn, state: ContractState, catalog: Catalog): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'add an add-on');
  if (contract.addOns.some((a) => a.addOnId === command.addOnId))
    throw new ConflictError('add_on_held', `Contract ${contract.contractId} already has ${findAddOn(catalog, command.addOnId)?.name ?? command.addOnId}.`);
  const { type: _, contractId: __, ...addOn } = command;
  const issues = addOnIssues(catalog, contract.planId, contract.regionId, addOn, '').map((i) => ({ ...i, path: i.path.replace(/^\./, '') }));
  if (issues.length > 0) throw new ValidationError(issues);
  return [{ type: 'AddOnAdded', payload: { contractId: contract.contractId, ...addOn } }];
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

export function addRegisteredPerson(command: AddRegisteredPerson, state: ContractState, catalog: Catalog): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, changeable, 'register a person');
  if (contract.persons.some((p) => p.personId === command.personId))
    throw new ConflictError('person_registered', `Person ${command.personId} is already registered.`);
  const { type: _, contractId: __, ...person } = command;
  const [issue] = seatIssues(catalog, contract.addOns, [...contract.persons, person]);
  if (issue) throw new ConflictError('no_seat', issue.message);
  return [{ type: 'RegisteredPersonAdded', payload: { contractId: contract.contractId, ...person } }];
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
