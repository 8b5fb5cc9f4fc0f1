import type { OrderedAddOn, RegisteredPerson } from '../../events/contract';
import { findAddOn } from '../catalog/lookup';
import type { AddOn } from '../catalog/schema/addons';
import type { Catalog } from '../catalog/schema/catalog';
import { joinOr } from '../catalog/schema/checks';
import type { FieldIssue } from '../errors';

/**
 * Registered persons need seats: only add-ons with `seats` grant them (the included ones, then
 * priced further ones, which may need another add-on too, e.g. a half-fare subscription).
 */
export function seatIssues(catalog: Catalog, addOns: readonly OrderedAddOn[], persons: readonly RegisteredPerson[], at = 'registeredPersons'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Set<string>();
  persons.forEach((person, i) => {
    if (ids.has(person.personId)) issues.push({ path: `${at}.${i}.personId`, message: `Person ${person.personId} is registered twice.` });
    ids.add(person.personId);
  });
  if (persons.length === 0) return issues;
  const seatAddOns = addOns.map((a) => findAddOn(catalog, a.addOnId)).filter((a): a is AddOn => a?.seats !== undefined);
  if (seatAddOns.length === 0) {
    const offering = catalog.addOns.filter((a) => a.seats).map((a) => a.name);
    issues.push({
      path: at,
      message: offering.length > 0 ? `Registered persons come with ${joinOr(offering)}; add it first.` : 'No plan or add-on of this catalog has registered persons.',
    });
    return issues;
  }
  const included = seatAddOns.reduce((sum, a) => sum + a.seats!.included, 0);
  if (persons.length <= included) return issues;
  const withExtra = seatAddOns.find((a) => a.seats!.extra);
  const names = joinOr(seatAddOns.map((a) => a.name));
  if (!withExtra) {
    issues.push({ path: `${at}.${included}`, message: `${names} include${seatAddOns.length === 1 ? 's' : ''} ${included} registered person${included === 1 ? '' : 's'}; no further persons can be added.` });
    return issues;
  }
  const required = withExtra.seats!.extra!.requiresAddOn;
  if (required && !addOns.some((a) => a.addOnId === required)) {
    const requiredName = findAddOn(catalog, required)?.name ?? required;
    issues.push({ path: `${at}.${included}`, message: `${withExtra.name} includes ${included} registered person${included === 1 ? '' : 's'}; each further person needs the ${requiredName}.` });
  }
  return issues;
}
