import type { ContractView } from '../../../domain/contract/view';
import type { PayloadOf } from '../../../events/catalog';
import type { Mail } from '../../mail/mailer';
import { toMail } from '../message';
import { formatters } from '../render';
import { greetingFor, letter } from '../templates/greeting';
import { templatesFor } from '../templates/index';
import { statementWordsFor } from './words';

type Statement = PayloadOf<'StatementIssued'>;

/** The statement event the notifier mails. */
export const STATEMENT_MAILED_TYPE = 'StatementIssued';
export const isStatementMailed = (type: string): type is typeof STATEMENT_MAILED_TYPE => type === STATEMENT_MAILED_TYPE;

/**
 * The monthly statement e-mail to the contract's customer, in their language: each line (date,
 * description, net, VAT rate and amount), the lines left out, and the totals per currency.
 */
export function renderStatementMail(contract: ContractView, statement: Statement): Mail {
  const { locale } = templatesFor(contract.customer.locale);
  const w = statementWordsFor(locale);
  const f = formatters(locale);
  const month = f.month(statement.month);
  const lines = statement.lines.map((l) =>
    w.line(f.date(l.date), l.description, f.money(l.net), l.vatPercent === undefined ? undefined : w.vat(f.percent(l.vatPercent), f.money(l.vat))),
  );
  const totals = statement.totals.map((t) => w.total(f.money(t.net), f.money(t.vat), f.money(t.gross)));
  const message = {
    subject: w.subject(month),
    paragraphs: letter(greetingFor(locale), contract.customer.name, [
      w.intro(month),
      lines.join('\n'),
      ...(statement.moreLines > 0 ? [w.more(statement.moreLines)] : []),
      totals.join('\n'),
      w.outro,
    ]),
  };
  return { to: contract.customer.email, ...toMail(message, locale) };
}
