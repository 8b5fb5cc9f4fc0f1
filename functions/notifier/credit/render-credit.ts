import type { Catalog } from '../../../domain/catalog/schema/catalog';
import type { ContractView } from '../../../domain/contract/view';
import type { CreditBalance } from '../../../domain/credit/balance';
import type { PayloadOf } from '../../../events/catalog';
import type { Mail } from '../../mail/mailer';
import { toMail, type Message } from '../message';
import { formatters } from '../render';
import { greetingFor, letter } from '../templates/greeting';
import { templatesFor } from '../templates/index';
import type { Formatters } from '../templates/types';
import { creditWordsFor, type CreditWords } from './words';

/** The credit events that mail the contract's customer. */
export type CreditMailedType = 'CreditBalanceRequested' | 'CreditYearClosed';

const creditTypes: Record<CreditMailedType, true> = { CreditBalanceRequested: true, CreditYearClosed: true };

export const CREDIT_MAILED_TYPES = Object.keys(creditTypes) as CreditMailedType[];
export const isCreditMailed = (type: string): type is CreditMailedType => Object.hasOwn(creditTypes, type);

/**
 * Whether a credit event calls for its e-mail: a balance request always; a closed year only when
 * credit expired unused (a year whose credit was used up, or that had none, has nothing to tell:
 * every support e-mail already stated its balance).
 */
export const creditCallsForMail = (type: CreditMailedType, payload: unknown): boolean =>
  type !== 'CreditYearClosed' || Number((payload as { expiredMinutes?: unknown } | undefined)?.expiredMinutes) > 0;

/** The balance with what the customer is told about it from the catalog: the names of the services it pays for, and whether it carries over. */
export interface BalanceFacts {
  balance: CreditBalance;
  coverNames: string[];
  carriesOver: boolean;
}

export const balanceFacts = (catalog: Catalog, balance: CreditBalance): BalanceFacts => ({
  balance,
  coverNames: balance.covers.map((id) => catalog.services.find((s) => s.id === id)?.name ?? id),
  carriesOver: catalog.credit?.carriesOver ?? false,
});

/** The one-paragraph balance every support e-mail states: "20 of 35 minutes left in the contract year until …", used up, or none. */
export function balanceLine(w: CreditWords, f: Formatters, b: CreditBalance): string {
  if (!b.year) return w.line.noYear;
  if (b.grantedMinutes === 0) return w.line.none;
  const until = f.date(b.year.endsOn);
  return b.leftMinutes > 0 ? w.line.left(b.leftMinutes, w.minutes(b.grantedMinutes), until) : w.line.usedUp(w.minutes(b.grantedMinutes), until);
}

/** The balance line in a locale (for the ticket e-mails). */
export const balanceLineIn = (locale: ContractView['customer']['locale'], balance: CreditBalance): string => {
  const chosen = templatesFor(locale).locale;
  return balanceLine(creditWordsFor(chosen), formatters(chosen), balance);
};

function balanceBody(c: ContractView, w: CreditWords, f: Formatters, facts: BalanceFacts): string[] {
  const { balance: b } = facts;
  if (!b.year || b.grantedMinutes === 0) return [w.balance.intro(c.contractId), balanceLine(w, f, b)];
  const row = (label: string, value: string) => `${label}${w.colon}${value}`;
  return [
    w.balance.intro(c.contractId),
    [
      row(w.balance.year, w.balance.range(f.date(b.year.startsOn), f.date(b.year.endsOn))),
      row(w.balance.granted, `${w.minutes(b.grantedMinutes)} (${w.balance.grantedFrom(w.minutes(b.includedMinutes), w.minutes(b.addOnMinutes))})`),
      row(w.balance.used, w.minutes(b.usedMinutes)),
      row(w.balance.left, w.minutes(b.leftMinutes)),
    ].join('\n'),
    ...(facts.coverNames.length > 0 ? [w.balance.covers(facts.coverNames.join(', '))] : []),
    ...(facts.carriesOver ? [] : [w.balance.expiry]),
    w.balance.usedUp,
  ];
}

function closedBody(c: ContractView, w: CreditWords, f: Formatters, facts: BalanceFacts, closed: PayloadOf<'CreditYearClosed'>): string[] {
  const next = facts.balance.year;
  return [
    w.closed.body(c.contractId, f.date(closed.yearStartsOn), w.minutes(closed.expiredMinutes)),
    next && next.startsOn > closed.yearStartsOn ? w.closed.next(f.date(next.startsOn), f.date(next.endsOn), w.minutes(facts.balance.grantedMinutes)) : w.closed.renewed,
  ];
}

/**
 * The credit e-mail an event calls for, to the contract's customer in their language: the balance
 * asked for, or the note that a year closed with credit expired (and the new year's credit, when
 * one runs at the event's time). `facts` is the balance at the event's time.
 */
export function renderCreditMail(type: CreditMailedType, contract: ContractView, facts: BalanceFacts, event: { payload: unknown }): Mail {
  const { locale } = templatesFor(contract.customer.locale);
  const w = creditWordsFor(locale);
  const f = formatters(locale);
  const message: Message =
    type === 'CreditBalanceRequested'
      ? { subject: w.balance.subject(contract.contractId), paragraphs: letter(greetingFor(locale), contract.customer.name, balanceBody(contract, w, f, facts)) }
      : {
          subject: w.closed.subject(contract.contractId),
          paragraphs: letter(greetingFor(locale), contract.customer.name, closedBody(contract, w, f, facts, event.payload as PayloadOf<'CreditYearClosed'>)),
        };
  return { to: contract.customer.email, ...toMail(message, locale) };
}
