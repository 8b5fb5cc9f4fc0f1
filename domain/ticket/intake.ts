import { holderOfView } from '../credit/holder';
import type { NewEvent } from '../../events/catalog';
import type { Handler, Severity, SlaSnapshot, TicketChannel } from '../../events/ticket';
import { findAddOn, findPlan, findServiceWindow } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import type { Plan } from '../catalog/schema/plans';
import type { SupportLevel } from '../catalog/schema/levels';
import { agreementOf, entitlementsAt } from '../contract/entitlements';
import type { ContractView } from '../contract/view';
import { ConflictError, NotEntitledError, ValidationError, type FieldIssue } from '../errors';
import type { OpenTicket } from './commands';
import type { TicketState } from './state';

/**
 * Opening a ticket: whether the report matches the agreement (the facts the plan asks for), whether
 * the agreement covers it at this instant on this channel, where it goes (support level and who
 * handles it), whether it comes first (priority add-ons), and the SLA it runs under (the plan's
 * targets for the channel and severity, with the service window's calendar).
 */

/** Whether the reporter's details match the agreement; a mismatch gets the neutral answer (nothing is said about which detail). */
export function reportMatches(command: Pick<OpenTicket, 'contract' | 'serialNumber' | 'taxId'>, catalog: Catalog): boolean {
  const { contract } = command;
  const plan = findPlan(catalog, contract.planId);
  const normal = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();
  const serials = contract.serialNumbers ?? [];
  if (serials.length > 0 && command.serialNumber !== undefined && !serials.map(normal).includes(normal(command.serialNumber))) return false;
  const taxIdMustMatch = plan?.registration?.requires.some((r) => r.fact === 'end-user-tax-id' && r.mustMatchOrder);
  if (taxIdMustMatch) {
    const onOrder = contract.customer.taxId;
    if (!onOrder || command.taxId === undefined || normal(onOrder) !== normal(command.taxId)) return false;
  }
  return true;
}

/** The facts a plan requires on every report that the request lacks (field errors, not a mismatch). */
function missingFacts(plan: Plan, command: OpenTicket): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (plan.ticketRequires.includes('device-serial-number') && !command.serialNumber)
    issues.push({ path: 'serialNumber', message: `${plan.name} reports need the device serial number.` });
  const taxId = plan.registration?.requires.some((r) => r.fact === 'end-user-tax-id');
  if (taxId && command.intake === 'website' && !command.taxId)
    issues.push({ path: 'taxId', message: `${plan.name} reports need the end user's tax id as given on the order.` });
  return issues;
}

/**
 * The website form is a written request, answered like an e-mail: the e-mail channel (and its SLA
 * targets) where the plan has it, else the portal.
 */
function channelOf(command: OpenTicket, plan: Plan): TicketChannel {
  if (command.channel) return command.channel;
  return plan.entitlements.channels.includes('email') ? 'email' : 'portal';
}

/** The level a category belongs to, else the plan's first-contact level (none when the catalog has no levels). */
export function levelFor(catalog: Catalog, plan: Plan, category: string): SupportLevel | undefined {
  const levels = catalog.supportLevels.filter((l) => plan.supportLevels.length === 0 || plan.supportLevels.includes(l.id));
  return levels.find((l) => l.topics.some((t) => t.id === category)) ?? levels.find((l) => l.firstContact) ?? levels[0];
}

/** Who handles a level: the customer's distributor for distributor levels (when the customer has one), else the vendor. */
export function handlerFor(level: SupportLevel | undefined, contract: ContractView): Handler {
  return level?.providedBy === 'distributor' && contract.distributorId ? { provider: 'distributor', distributorId: contract.distributorId } : { provider: 'vendor' };
}

/** The plan's SLA for a channel and severity: the targets that apply, and its service window's calendar. */
export function slaFor(catalog: Catalog, plan: Plan, channel: TicketChannel, severity: Severity): SlaSnapshot | null {
  if (!plan.sla) return null;
  const window = findServiceWindow(catalog, plan.sla.window);
  if (!window) return null;
  const targets = plan.sla.targets
    .filter((t) => (!t.channel || t.channel === channel) && (!t.severities || t.severities.includes(severity)))
    .map(({ metric, within, from }) => ({ metric, within, from }));
  return { windowId: window.id, windowName: window.name, calendar: window.calendar, warnAtPercent: plan.sla.warnAtPercent, targets };
}

/** Whether the contract holds an add-on that puts its tickets first (Support+). */
export const hasPriority = (catalog: Catalog, contract: ContractView): boolean =>
  contract.addOns.some((a) => findAddOn(catalog, a.addOnId)?.priority === true);

function assertEntitled(catalog: Catalog, contract: ContractView, channel: TicketChannel, now: string): void {
  const answer = entitlementsAt({ catalog, agreement: agreementOf(contract), at: now });
  const coverage = answer.channels[channel];
  if (coverage?.covered) return;
  const renewable = ['active', 'expired', 'lapsed'].includes(contract.status);
  throw new NotEntitledError(`Contract ${contract.contractId} does not cover this request: ${coverage?.reason ?? 'not covered.'}`, {
    action: renewable ? 'renew' : 'order',
    hint: renewable
      ? 'Renew the agreement with the renewal form (contract number and the e-mail on file), then report the fault again.'
      : 'Place a new order for a support agreement, then report the fault again.',
  });
}

export function openTicket(command: OpenTicket, state: TicketState, catalog: Catalog, now: string): NewEvent[] {
  if (state.status !== 'none') throw new ConflictError('ticket_exists', `Ticket ${command.ticketId} already exists.`);
  const { contract } = command;
  const plan = findPlan(catalog, contract.planId);
  if (!plan) throw new ConflictError('plan_withdrawn', `The plan ${contract.planId} is no longer in the catalog.`);
  const missing = missingFacts(plan, command);
  if (missing.length > 0) throw new ValidationError(missing);
  const channel = channelOf(command, plan);
  assertEntitled(catalog, contract, channel, now);
  const level = levelFor(catalog, plan, command.category);
  return [
    {
      type: 'TicketOpened',
      payload: {
        ticketId: command.ticketId,
        contractId: contract.contractId,
        planId: plan.id,
        intake: command.intake,
        channel,
        category: command.category,
        severity: command.severity,
        subject: command.subject,
        description: command.description,
        contact: command.contact,
        ...(command.serialNumber ? { serialNumber: command.serialNumber } : {}),
        ...(level ? { level: level.id } : {}),
        handler: handlerFor(level, contract),
        priority: hasPriority(catalog, contract),
        timeZone: contract.customer.timeZone,
        sla: slaFor(catalog, plan, channel, command.severity),
        billTo: holderOfView(contract).billTo,
      },
    },
  ];
}
