import type { NewEvent } from '../../events/catalog';
import { findPlan } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import type { DecideContext } from '../decider';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import type { ContractCommand, CreateContract } from './commands';
import type { ContractState } from './state';
import { canonicalTimeZone, EARLIEST_START, isCalendarDate, isPlausibleStart, isTimeZone, LATEST_START, termEnd } from './term';

export function decide(command: ContractCommand, state: ContractState, context: DecideContext<Catalog>): NewEvent[] {
  switch (command.type) {
    case 'CreateContract':
      return create(command, state, context.catalog);
    case 'ExpireContract':
      return expire(state, context.now);
  }
}

function create(command: CreateContract, state: ContractState, catalog: Catalog): NewEvent[] {
  if (state.status !== 'none') throw new ConflictError('contract_exists', `Contract ${command.contractId} already exists.`);
  const timeZone = command.timeZone ?? catalog.defaultTimeZone;
  const plan = findPlan(catalog, command.planId);
  const issues: FieldIssue[] = [];
  if (!plan) issues.push({ path: 'planId', message: `Unknown plan ${command.planId}; choose one of ${catalog.plans.map((p) => p.id).join(', ')}.` });
  else if (!plan.termsMonths.includes(command.termMonths))
    issues.push({ path: 'termMonths', message: `${plan.name} is sold for ${plan.termsMonths.join(' or ')} months.` });
  if (!isCalendarDate(command.startsOn)) issues.push({ path: 'startsOn', message: 'Not a calendar date (YYYY-MM-DD).' });
  else if (!isPlausibleStart(command.startsOn))
    issues.push({ path: 'startsOn', message: `Choose a start date between ${EARLIEST_START} and ${LATEST_START}.` });
  if (!isTimeZone(timeZone)) issues.push({ path: 'timeZone', message: `Unknown IANA time zone ${timeZone}.` });
  if (issues.length > 0) throw new ValidationError(issues);

  const zone = canonicalTimeZone(timeZone);
  const { endsOn, endsAt } = termEnd(command.startsOn, command.termMonths, zone);
  return [
    {
      type: 'ContractCreated',
      payload: {
        contractId: command.contractId,
        customer: command.customer,
        planId: command.planId,
        timeZone: zone,
        startsOn: command.startsOn,
        endsOn,
        endsAt,
        termMonths: command.termMonths,
        ...(command.distributorId ? { distributorId: command.distributorId } : {}),
      },
    },
  ];
}

/** Expiry is idempotent: an expired contract stays expired and nothing is appended. */
function expire(state: ContractState, now: string): NewEvent[] {
  if (state.status === 'none') throw new NotFoundError('No such contract.');
  if (state.status === 'expired') return [];
  if (Date.parse(now) < Date.parse(state.endsAt))
    throw new ConflictError('term_not_ended', `The term runs until ${state.endsAt}.`);
  return [{ type: 'ContractExpired', payload: { contractId: state.contractId, expiredAt: state.endsAt } }];
}
