// The example website's page that confirms a privacy request (see link-page.js: nothing is sent
// before the button is pressed).
import { el, linkPage } from '/link-page.js';

const STOPPED = { marketing: 'marketing e-mails', surveys: 'surveys', analytics: 'analytics' };

/** What the confirmed request did, in words, with the export as a file to save. */
linkPage(document.getElementById('confirm-form'), (answer) => {
  if (answer.outcome === 'exported') {
    const file = new Blob([JSON.stringify(answer.export, null, 2)], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(file), download: `personal-data-${answer.requestId}.json`, textContent: 'Save your data (JSON)' });
    const streams = answer.export?.streams?.length ?? 0;
    return [el('h3', { tabIndex: -1, textContent: 'Your data is ready' }), el('p', { textContent: `It covers ${streams} record${streams === 1 ? '' : 's'} we hold about you, and how we use them.` }), el('p', {}, link)];
  }
  if (answer.outcome === 'erased') {
    const kept = answer.kept ?? [];
    return [
      el('h3', { tabIndex: -1, textContent: 'Your data is erased' }),
      kept.length
        ? el('div', {}, el('p', { textContent: 'The law makes us keep some records:' }), el('ul', {}, ...kept.map((k) => el('li', { textContent: `${k.data}. Why: ${k.reason}. Until ${k.until}.` }))))
        : el('p', { textContent: 'We keep nothing about you.' }),
    ];
  }
  if (answer.outcome === 'limited') {
    const what = (answer.stopped ?? []).map((p) => STOPPED[p] ?? p).join(', ');
    return [el('h3', { tabIndex: -1, textContent: 'Done' }), el('p', { textContent: `We have stopped: ${what}. E-mails your agreement needs and product-safety notices still come.` })];
  }
  return [el('h3', { tabIndex: -1, textContent: 'Your request is confirmed' }), el('p', { textContent: `Our data protection manager will answer by ${new Date(answer.dueBy).toLocaleDateString()}.` })];
});
