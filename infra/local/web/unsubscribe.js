// The example website's unsubscribe page (see link-page.js: nothing is sent before the button is pressed).
import { el, linkPage } from '/link-page.js';

const WHAT = { marketing: 'our news and offers', surveys: 'our surveys' };

linkPage(document.getElementById('unsubscribe-form'), (answer) => {
  if (!answer.unsubscribed) return undefined;
  const what = (answer.purposes ?? ['marketing']).map((p) => WHAT[p] ?? p).join(' and ');
  return [
    el('h3', { tabIndex: -1, textContent: 'You are unsubscribed' }),
    el('p', { textContent: `We will send you no more e-mails with ${what}. E-mails about your agreement and product-safety notices still come.` }),
  ];
});
