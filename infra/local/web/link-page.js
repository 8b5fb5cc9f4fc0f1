// The pages' shared helpers (posting JSON to the API, building elements), and the pages opened from
// a link in our e-mails (privacy confirmations, unsubscribing). Plain browser
// JavaScript, no build step. The token comes from the link (?token=…); it is sent only when the
// person presses the button, never on load: mail scanners and link previews open links, and must
// not act on them.
import { apiUrl } from '/config.js';

/** POSTs a JSON body to an API path from the page (a CORS request, no cookies). */
export const postJson = (path, body, headers = {}) =>
  fetch(new URL(path, apiUrl), { method: 'POST', mode: 'cors', credentials: 'omit', headers: { 'content-type': 'application/json', ...headers }, body });

export const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
};

/**
 * Wires the page's form: its button posts `{ token }` to the form's `data-endpoint`; `answered`
 * turns a 200 answer into what to show (its first node gets the focus). Errors are shown here.
 */
export function linkPage(form, answered) {
  const button = form.querySelector('button[type="submit"]');
  const result = form.querySelector('.result');
  const summary = form.querySelector('.summary');
  const token = new URLSearchParams(location.search).get('token');

  const showSummary = (text) => {
    summary.replaceChildren(el('p', { textContent: text }));
    summary.hidden = false;
    summary.focus();
  };
  const done = () => {
    button.disabled = !token;
    form.removeAttribute('aria-busy');
  };

  if (!token) {
    button.disabled = true;
    showSummary('This page needs the link from our e-mail. Open the link in the e-mail again.');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    summary.hidden = true;
    result.replaceChildren();
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    result.textContent = 'Sending…';
    let response;
    try {
      response = await postJson(form.dataset.endpoint, JSON.stringify({ token }));
    } catch {
      result.textContent = '';
      showSummary('We could not reach the server. Check your connection and press the button again.');
      return done();
    }
    const answer = await response.json().catch(() => ({}));
    result.textContent = '';
    const shown = response.status === 200 ? answered(answer) : undefined;
    if (shown) {
      result.replaceChildren(...shown);
      shown[0].focus();
      form.removeAttribute('aria-busy');
      return; // the button stays disabled: there is nothing more to do
    }
    if (response.status === 400 && answer.error?.code === 'invalid_link') showSummary('This link is not valid. Use the link from our e-mail as it is.');
    else if (response.status === 410) showSummary('This link has expired. Use the link in a more recent e-mail, or send the form again.');
    else if (response.status === 429) showSummary('Too many requests from your network. Please wait a few seconds and press the button again.');
    else if (response.status >= 500) showSummary(`Something went wrong on our side. Please try again later.${answer.correlationId ? ` (Reference: ${answer.correlationId})` : ''}`);
    else showSummary(answer.error?.message ?? answer.message ?? `The request was refused (${response.status}).`);
    done();
  });
  document.documentElement.dataset.ready = 'true';
}
