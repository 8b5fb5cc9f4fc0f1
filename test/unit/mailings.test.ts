import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../domain/errors';
import { mailingDecider, type RequestMailing } from '../../domain/mailing/decider';
import { skipReason, unsubscribePurpose } from '../../domain/mailing/recipients';
import { parseUnsubscribeLinkId, unsubscribeLinkId } from '../../domain/mailing/unsubscribe-link';
import { subjectDecider, type SubjectState } from '../../domain/privacy/subject';
import { MAILING_AUDIENCE_MAX, MailingRequested } from '../../events/mailing';
import { renderMailing } from '../../functions/notifier/mailings/render-mailing';
import { spec } from '../support/decider-spec';

const C1 = '01KAC0000000000000000000C1';
const C2 = '01KAC0000000000000000000C2';
const request: RequestMailing = { type: 'RequestMailing', mailingId: 'news-1', kind: 'marketing', subject: 'News', text: 'Hello', contractIds: [C1, C2] };
const requested = { type: 'MailingRequested' as const, payload: { mailingId: 'news-1', kind: 'marketing' as const, subject: 'News', text: 'Hello', audience: { contractIds: [C1, C2] } } };

describe('the mailing decider', () => {
  const given = spec(mailingDecider, { now: '2026-11-21T10:00:00.000Z', catalog: undefined });

  it('records a new mailing once', () => given([]).when(request).then([requested]));
  it('records nothing for the same mailing again', () => given([requested]).when(request).then([]));
  it('refuses other content under an id already used', () => {
    given([requested]).when({ ...request, subject: 'Other' }).thenFails((e) => expect(e).toMatchObject({ code: 'mailing_exists' }));
    given([requested]).when({ ...request, contractIds: [C1] }).thenThrows(ConflictError);
    given([requested]).when({ ...request, kind: 'survey' }).thenThrows(ConflictError);
  });
});

describe('the MailingRequested schema', () => {
  it('takes 1 to MAILING_AUDIENCE_MAX contracts, each once', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `01KAC${String(i).padStart(21, '0')}`);
    const of = (contractIds: string[]) => MailingRequested.safeParse({ ...requested.payload, audience: { contractIds } }).success;
    expect([of([]), of(ids(1)), of(ids(MAILING_AUDIENCE_MAX)), of(ids(MAILING_AUDIENCE_MAX + 1)), of([C1, C1]), of(['not-a-contract'])]).toEqual([false, true, true, false, false, false]);
  });
});

describe('who gets a mailing', () => {
  const limited = (basis: 'opt-out' | 'objection' | 'restriction', ...purposes: ('marketing' | 'surveys' | 'analytics')[]): SubjectState =>
    subjectDecider.evolve(subjectDecider.initialState, { type: 'ProcessingLimited', payload: { subjectId: 'a'.repeat(32), basis, purposes } } as never);

  it('sends everything to a subject with no view (nothing stopped)', () => {
    for (const kind of ['marketing', 'survey', 'product-safety'] as const) expect(skipReason(kind, undefined, false)).toBeUndefined();
  });
  it('skips marketing after an opt-out, objection or restriction of marketing; surveys only when surveys were stopped', () => {
    for (const basis of ['opt-out', 'objection', 'restriction'] as const) {
      expect(skipReason('marketing', limited(basis, 'marketing'), false)).toBe('stopped-marketing');
      expect(skipReason('survey', limited(basis, 'marketing'), false)).toBeUndefined();
      expect(skipReason('survey', limited(basis, 'marketing', 'surveys'), false)).toBe('stopped-surveys');
      expect(skipReason('marketing', limited(basis, 'surveys'), false)).toBeUndefined();
      expect(skipReason('marketing', limited(basis, 'analytics'), false)).toBeUndefined();
    }
  });
  it('always sends product-safety notices, except to the erased', () => {
    expect(skipReason('product-safety', limited('objection', 'marketing', 'surveys', 'analytics'), false)).toBeUndefined();
    // A person erased before who came back: their new contract's address opens, so they get it.
    expect(skipReason('product-safety', { limited: {}, erasedAt: '2026-01-01T00:00:00Z' }, false)).toBeUndefined();
    expect(skipReason('product-safety', undefined, true)).toBe('erased');
    expect(skipReason('marketing', undefined, true)).toBe('erased');
  });
  it('puts an unsubscribe link in marketing and surveys only, each stopping its own kind', () => {
    expect([unsubscribePurpose('marketing'), unsubscribePurpose('survey'), unsubscribePurpose('product-safety')]).toEqual(['marketing', 'surveys', undefined]);
  });
});

describe('unsubscribe link ids', () => {
  const subject = '0123456789abcdef0123456789abcdef';
  it('carry the subject alone for marketing, with `:surveys` for surveys, and nothing else parses', () => {
    expect(unsubscribeLinkId(subject, 'marketing')).toBe(subject);
    expect(parseUnsubscribeLinkId(unsubscribeLinkId(subject, 'marketing'))).toEqual({ subjectId: subject, purpose: 'marketing' });
    expect(parseUnsubscribeLinkId(unsubscribeLinkId(subject, 'surveys'))).toEqual({ subjectId: subject, purpose: 'surveys' });
    for (const bad of ['', 'req-1', `${subject}:analytics`, `${subject}:`, subject.toUpperCase()]) expect(parseUnsubscribeLinkId(bad)).toBeUndefined();
  });
});

describe('a mailing as the customer gets it', () => {
  const links = { page: 'https://www.example.test/unsubscribe.html?token=abc.def', oneClick: 'https://api.example.test/v1/public/unsubscribe?token=abc.def' };
  const expected = {
    en: ['Dear Ana,', 'To receive no more marketing e-mails', 'To receive no more surveys', 'This is a product-safety notice.'],
    de: ['Guten Tag Ana,', 'keine Werbe-E-Mails mehr', 'keine Umfragen mehr', 'Dies ist ein Hinweis zur Produktsicherheit.'],
    fr: ['Bonjour Ana,', 'ne plus recevoir d’e-mails commerciaux', 'ne plus recevoir d’enquêtes', 'Ceci est un avis de sécurité produit.'],
    sv: ['Hej Ana!', 'inte längre vill få marknadsföringsmejl', 'inte längre vill få enkäter', 'Detta är ett produktsäkerhetsmeddelande.'],
    pl: ['Dzień dobry, Ana,', 'więcej e-maili marketingowych', 'więcej ankiet', 'To jest powiadomienie dotyczące bezpieczeństwa produktu.'],
  };
  for (const [locale, [hello, marketing, survey, safety]] of Object.entries(expected)) {
    it(`in ${locale}: marketing and surveys end with their link; a safety notice says what it is and has none`, () => {
      const customer = { name: 'Ana', locale };
      const news = renderMailing({ kind: 'marketing', subject: 'News', text: 'One.\n\n\nTwo.' }, customer, links);
      expect(news.text.startsWith(`${hello}\n\nOne.\n\nTwo.\n\n`)).toBe(true);
      expect(news.text).toContain(marketing!);
      expect(news.text.endsWith(links.page)).toBe(true);
      expect(news.html).toContain(`<a href="${links.page}">`);
      expect(news.html).toContain(`lang="${locale}"`);
      expect(news.headers).toEqual([
        { name: 'List-Unsubscribe', value: `<${links.oneClick}>` },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      ]);
      const poll = renderMailing({ kind: 'survey', subject: 'Poll', text: 'Q?' }, customer, links);
      expect(poll.text).toContain(survey!);
      expect(poll.text.endsWith(links.page)).toBe(true);
      const safetyMail = renderMailing({ kind: 'product-safety', subject: 'Recall', text: 'Stop using it.' }, customer, undefined);
      expect(safetyMail.text.startsWith(`${hello}\n\n${safety}`)).toBe(true);
      expect(safetyMail.text).not.toContain('unsubscribe.html');
      expect(safetyMail.headers).toBeUndefined();
    });
  }
  it('without a one-click address, List-Unsubscribe names the page and no List-Unsubscribe-Post is sent', () => {
    expect(renderMailing({ kind: 'marketing', subject: 'N', text: 'T' }, { name: 'Ana', locale: 'en' }, { page: links.page }).headers).toEqual([{ name: 'List-Unsubscribe', value: `<${links.page}>` }]);
  });
});
