import type { NewEvent } from '../../events/catalog';
import { findPlan, findRegion, planPrice } from '../catalog/lookup';
import type { Money } from '../catalog/money';
import type { Catalog } from '../catalog/schema/catalog';
import { joinOr } from '../catalog/schema/checks';
import type { DecideContext } from '../decider';
import { ConflictError, ValidationError } from '../errors';
import type { Renew, RequestRenewal, SendRenewalReminder } from './commands';
import { dateIn, pendingReminderOffsets, reminderAt } from './deadlines';
import { existing, inStatus } from './guards';
import { holdingsQuote } from './holdings';
import { quoteLateRenewal } from './late-renewal';
import { firstTerm } from './order';
import type { Contract, ContractState } from './state';

/** Renewal requests, reminders, and renewing (on time, in grace, or reinstated with a fee). */

export function requestRenewal(command: RequestRenewal, state: ContractState): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, ['active', 'expired', 'lapsed'], 'request a renewal');
  if (contract.renewalRequested) return [];
  return [{ type: 'RenewalRequested', payload: { contractId: contract.contractId, channel: command.channel } }];
}

export function sendRenewalReminder(command: SendRenewalReminder, state: ContractState, { now, catalog }: DecideContext<Catalog>): NewEvent[] {
  const contract = existing(state);
  const offsets = catalog.renewal.reminderDaysBefore;
  if (!offsets.includes(command.offsetDays))
    throw new ValidationError([
      {
        path: 'offsetDays',
        message: offsets.length > 0 ? `Reminders go out ${joinOr(offsets.map(String))} days before the term ends.` : 'This catalog sends no renewal reminders.',
      },
    ]);
  // Once per term and offset: a repeat (a sweep run twice) changes nothing.
  if (contract.remindedOffsets.includes(command.offsetDays)) return [];
  inStatus(contract, ['active'], 'send a renewal reminder');
  const term = contract.term!;
  if (Date.parse(now) >= Date.parse(term.termEndsAt))
    throw new ConflictError('term_ended', `The term of contract ${contract.contractId} ended at ${term.termEndsAt}; a reminder is too late.`);
  const at = reminderAt(term.termEndsOn, command.offsetDays, contract.timeZone);
  if (Date.parse(now) < Date.parse(at))
    throw new ConflictError('reminder_not_due', `The ${command.offsetDays}-day renewal reminder is due from ${at}.`);
  return [{ type: 'RenewalReminded', payload: { contractId: contract.contractId, offsetDays: command.offsetDays, termEndsOn: term.termEndsOn } }];
}

/**
 * The sweeper's reminder: of the pending offsets whose time has come, the latest (the smallest
 * offset), so a contract ordered or activated late gets one reminder, not one per missed offset.
 * Nothing is due (and nothing appended) outside an active term or once the term has ended.
 */
export function sendDueRenewalReminder(state: ContractState, { now, catalog }: DecideContext<Catalog>): NewEvent[] {
  const contract = existing(state);
  if (contract.status !== 'active') return [];
  const term = contract.term!;
  if (Date.parse(now) >= Date.parse(term.termEndsAt)) return [];
  const due = pendingReminderOffsets(catalog.renewal.reminderDaysBefore, contract.remindedOffsets).filter(
    (offset) => Date.parse(now) >= Date.parse(reminderAt(term.termEndsOn, offset, contract.timeZone)),
  );
  if (due.length === 0) return [];
  return [{ type: 'RenewalReminded', payload: { contractId: contract.contractId, offsetDays: Math.min(...due), termEndsOn: term.termEndsOn } }];
}

/** The plan's price for the contract's region and term (× licence packages when priced per package); zero when the catalog lists none. */
export function renewalPrice(catalog: Catalog, contract: Contract): Money {
  const plan = findPlan(catalog, contract.planId);
  if (!plan) throw new ConflictError('plan_withdrawn', `The plan ${contract.planId} is no longer sold; please place a new order.`);
  const region = findRegion(catalog, contract.regionId);
  if (!region) throw new ConflictError('region_withdrawn', `The region ${contract.regionId} is no longer served; please place a new order.`);
  const price = planPrice(catalog, contract.planId, contract.regionId, contract.termMonths);
  const quantity = plan.pricePer === 'licence-package' ? contract.licencePackages : 1;
  return { amount: (price?.amount ?? 0) * quantity, currency: region.currency };
}

/**
 * The renewed term's price as ContractRenewed carries it: the quote of what the contract holds
 * (plan × licence packages, add-ons, further registered persons) for a term; `lines` only when
 * they say more than the plan once (a single agreement line is what the price alone means).
 */
function renewedPrice(catalog: Catalog, contract: Contract, planPrice: Money): { price: Money; lines?: ContractRenewedLines } {
  const { lines, total } = holdingsQuote(catalog, contract, contract, contract.termMonths);
  if (lines.length === 0) return { price: planPrice };
  if (lines.length === 1 && lines[0].kind === 'plan' && lines[0].quantity === 1) return { price: total };
  return { price: total, lines };
}
type ContractRenewedLines = ReturnType<typeof holdingsQuote>['lines'];

export function renew(_command: Renew, state: ContractState, { now, catalog }: DecideContext<Catalog>): NewEvent[] {
  const contract = existing(state);
  inStatus(contract, ['active', 'expired', 'lapsed'], 'renew it');
  const term = contract.term!;
  if (Date.parse(now) < Date.parse(term.termStartsAt))
    throw new ConflictError('already_renewed', `Contract ${contract.contractId} is already renewed until ${term.termEndsOn}.`);
  const price = renewalPrice(catalog, contract);
  const quote = quoteLateRenewal({
    rule: catalog.renewal.late,
    region: contract.regionId,
    renewalPrice: price,
    termMonths: contract.termMonths,
    termEndsOn: term.termEndsOn,
    renewOn: dateIn(now, contract.timeZone),
  });
  const next = (startsOn: string) => firstTerm(startsOn, contract.termMonths, contract.timeZone);
  switch (quote.kind) {
    case 'on-time':
      return [{ type: 'ContractRenewed', payload: { contractId: contract.contractId, ...next(term.termEndsOn), ...renewedPrice(catalog, contract, price) } }];
    case 'grace':
      return [{ type: 'ContractRenewed', payload: { contractId: contract.contractId, ...next(quote.newTermStartsOn), ...renewedPrice(catalog, contract, price) } }];
    case 'reinstatement':
      return [
        {
          type: 'ContractReinstated',
          payload: { contractId: contract.contractId, ...next(quote.newTermStartsOn), lines: quote.lines, total: quote.total },
        },
      ];
    case 'refused':
      throw new ConflictError('reinstatement_refused', quote.reason);
  }
}
