import type { DomainEvent } from '../../events/catalog';
import type { QuoteLine } from '../../events/contract';
import { findPlan, findRegion } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import type { ContractView } from '../contract/view';
import type { LedgerLine } from './line';
import { eventLineId, ledgerLine, type LineContext } from './line-context';
import { quoteLineKind, quoteLineUnit } from './quote-units';

/** Who a contract's lines are billed to: its customer (the contract itself for older orders), in its country, by its distributor. */
export function contractContext(catalog: Catalog, event: DomainEvent, view: ContractView): LineContext {
  return {
    catalog,
    event,
    customerId: view.customer.customerId ?? view.contractId,
    country: view.customer.country ?? findRegion(catalog, view.regionId)?.country,
    contractId: view.contractId,
    timeZone: view.customer.timeZone,
    ...(view.distributorId ? { distributorId: view.distributorId } : {}),
  };
}

/** Quote lines as ledger lines, ids by their place in the event's list; lines of amount 0 are left out. */
function fromQuoteLines(ctx: LineContext, lines: readonly QuoteLine[]): LedgerLine[] {
  return lines.flatMap((line, index) =>
    line.amount.amount === 0
      ? []
      : [
          ledgerLine(ctx, {
            lineId: eventLineId(ctx.event, index),
            kind: quoteLineKind(line),
            ref: line.ref,
            description: line.description,
            quantity: line.quantity,
            unit: quoteLineUnit(ctx.catalog, line),
            unitPrice: line.unitPrice,
            net: line.amount,
          }),
        ],
  );
}

/** A renewal without itemized lines (older events): one agreement line for its price. */
function renewalPriceLine(catalog: Catalog, view: ContractView, price: QuoteLine['amount']): QuoteLine {
  const plan = findPlan(catalog, view.planId);
  return { kind: 'plan', ref: view.planId, description: `${plan?.name ?? view.planId}, ${view.termMonths} months`, quantity: 1, unitPrice: price, amount: price };
}

/**
 * The invoice lines a contract event adds:
 * - ContractActivated: the order's quote (plan, add-ons, further registered persons);
 * - ContractRenewed: the renewed term's itemized lines, or one agreement line for its price;
 * - ContractReinstated: each line of the reactivation fee (payments are not invoice lines);
 * - AddOnAdded / RegisteredPersonAdded: what the addition charges for the rest of the term.
 */
export function contractLines(catalog: Catalog, event: DomainEvent, after: ContractView): LedgerLine[] {
  const ctx = () => contractContext(catalog, event, after);
  switch (event.type) {
    case 'ContractActivated':
      return fromQuoteLines(ctx(), after.quote.lines);
    case 'ContractRenewed':
      return fromQuoteLines(ctx(), event.payload.lines ?? [renewalPriceLine(catalog, after, event.payload.price)]);
    case 'AddOnAdded':
    case 'RegisteredPersonAdded':
      return event.payload.charge ? fromQuoteLines(ctx(), event.payload.charge) : [];
    case 'ContractReinstated': {
      const c = ctx();
      return event.payload.lines.flatMap((line, index) =>
        line.amount.amount === 0
          ? []
          : [
              ledgerLine(c, {
                lineId: eventLineId(event, index),
                kind: 'reactivation-fee',
                ref: line.kind,
                description: line.description,
                quantity: line.quantity,
                unit: line.kind === 'back-support' ? 'month' : 'fee',
                unitPrice: line.unitPrice,
                net: line.amount,
              }),
            ],
      );
    }
    default:
      return [];
  }
}
