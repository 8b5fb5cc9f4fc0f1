// The example website's five public forms. Plain browser JavaScript, no build step.
// The API lives on another origin (its address comes from /config.js): every call is a CORS request.
import { el, postJson } from '/link-page.js';

const LOCALE = document.documentElement.lang || 'en';

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; localhost is one). */
const newKey = () =>
  crypto.randomUUID?.() ??
  ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g, (c) => (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));

/** Money in minor units, as the API gives it, e.g. {amount: 400000, currency: 'USD'} → "$4,000.00". */
export function formatMoney({ amount, currency }) {
  const format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

// ---------------------------------------------------------------------------------------------
// Field errors: each control with a data-path gets a message element, tied by aria-describedby.

function prepareFieldErrors(form) {
  for (const control of form.querySelectorAll('[data-path]')) {
    const message = el('p', { id: `${control.id}-error`, className: 'field-error', hidden: true });
    control.closest('.field').append(message);
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
  }
}

/** The control an API field path belongs to: `addOns.0.addOnId` → addOns.0.addOnId, addOns.0, addOns. */
function controlFor(form, path) {
  const parts = String(path ?? '').split('.');
  while (parts.length && parts[0]) {
    const control = form.querySelector(`[data-path="${CSS.escape(parts.join('.'))}"]`);
    if (control) return control;
    parts.pop();
  }
  return undefined;
}

function clearErrors(form) {
  for (const message of form.querySelectorAll('.field-error')) {
    message.hidden = true;
    message.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const summary = form.querySelector('.summary');
  summary.hidden = true;
  summary.replaceChildren();
}

/** Shows a message in the form's error summary (role=alert), with optional extra content. */
function showSummary(form, text, ...extra) {
  const summary = form.querySelector('.summary');
  summary.replaceChildren(el('p', { textContent: text }), ...extra.filter(Boolean));
  summary.hidden = false;
}

/** A 400 listing fields: each message next to its field, the rest in the summary. */
function showFieldErrors(form, error) {
  const unplaced = [];
  let first;
  for (const field of error.fields ?? []) {
    const control = controlFor(form, field.path);
    if (!control) {
      unplaced.push(field.path ? `${field.path}: ${field.message}` : field.message);
      continue;
    }
    const message = document.getElementById(`${control.id}-error`);
    message.textContent = message.textContent ? `${message.textContent} ${field.message}` : field.message;
    message.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  if (unplaced.length || !first) {
    showSummary(form, first ? 'Please also correct:' : error.message ?? 'Please check your input.', unplaced.length ? el('ul', {}, ...unplaced.map((text) => el('li', { textContent: text }))) : undefined);
  }
  (first ?? form.querySelector('.summary')).focus();
}

// ---------------------------------------------------------------------------------------------
// Sending: one Idempotency-Key per submission, reused when the same submission is retried after a
// network error (so a retry never places the order twice); a new one once the API has answered.

const pending = new WeakMap();

/**
 * Wires a form: `build` makes the JSON body from the form, `answered` shows a 2xx (or a 409 it
 * knows) and answers true when it did; errors are shown here.
 */
function wire(form, build, answered) {
  prepareFieldErrors(form);
  const button = form.querySelector('button[type="submit"]');
  const result = form.querySelector('.result');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    result.replaceChildren();
    const body = JSON.stringify(build(form));
    let attempt = pending.get(form);
    if (!attempt || attempt.body !== body) {
      attempt = { key: newKey(), body };
      pending.set(form, attempt);
    }

    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    result.textContent = 'Sending…';
    let response;
    try {
      response = await postJson(form.dataset.endpoint, body, { 'idempotency-key': attempt.key });
    } catch {
      result.textContent = '';
      showSummary(form, 'We could not reach the server. Check your connection and send the form again: it will not be sent twice.');
      return done();
    }
    pending.delete(form);
    const answer = await response.json().catch(() => ({}));
    result.textContent = '';
    try {
      if (answered(response.status, answer, form, result)) return;
      showError(form, response.status, answer);
    } finally {
      done();
    }
  });

  function done() {
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

function showError(form, status, answer) {
  const error = answer?.error;
  if (status === 400 && error) return showFieldErrors(form, error);
  if (status === 404) return showSummary(form, 'This form is not available yet. Please try again later or write to us.');
  if (status === 429) return showSummary(form, 'Too many requests from your network. Please wait a few seconds and send the form again.');
  if (status >= 500) {
    return showSummary(form, `Something went wrong on our side. Please try again later.${answer?.correlationId ? ` (Reference: ${answer.correlationId})` : ''}`);
  }
  showSummary(form, error?.message ?? answer?.message ?? `The request was refused (${status}).`);
}

// ---------------------------------------------------------------------------------------------
// The forms.

const value = (form, name) => form.elements[name].value.trim();
const optional = (form, name) => value(form, name) || undefined;

function orderDefaults(form) {
  form.elements.timeZone.value ||= Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  if (!form.elements.startsOn.value) {
    const now = new Date();
    const next = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 1));
    form.elements.startsOn.value = next.toISOString().slice(0, 10);
  }
}

function buildOrder(form) {
  const licences = value(form, 'licencePackages');
  const addOns = value(form, 'addOns').split(',').map((id) => id.trim()).filter(Boolean);
  const person = { name: value(form, 'personName'), email: value(form, 'personEmail') };
  return {
    customer: { name: value(form, 'name'), email: value(form, 'email'), locale: value(form, 'locale'), timeZone: optional(form, 'timeZone'), taxId: optional(form, 'taxId') },
    planId: value(form, 'planId'),
    termMonths: Number(value(form, 'termMonths')),
    startsOn: value(form, 'startsOn'),
    regionId: optional(form, 'regionId'),
    licencePackages: licences ? Number(licences) : undefined,
    addOns: addOns.length ? addOns.map((addOnId) => ({ addOnId })) : undefined,
    registeredPersons: person.name || person.email ? [person] : undefined,
  };
}

function orderAnswered(status, answer, form, result) {
  if (status !== 202 && status !== 201) return false;
  const email = value(form, 'email');
  const lines = answer.quote?.lines ?? [];
  result.replaceChildren(
    el('h3', { tabIndex: -1, textContent: 'Thank you: your order is placed' }),
    el('p', {}, 'Your contract number: ', el('strong', { className: 'contract-number', textContent: answer.contractId })),
    lines.length
      ? el('table', {},
          el('caption', { textContent: 'Your quote' }),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', textContent: 'Item' }), el('th', { scope: 'col', textContent: 'Quantity' }), el('th', { scope: 'col', textContent: 'Amount' }))),
          el('tbody', {}, ...lines.map((line) => el('tr', {}, el('td', { textContent: line.description }), el('td', { textContent: String(line.quantity) }), el('td', { textContent: formatMoney(line.amount) })))),
        )
      : undefined,
    el('p', {}, 'Total: ', el('strong', { className: 'total', textContent: formatMoney(answer.quote.total) })),
    el('p', { textContent: `We have sent a confirmation to ${email}. The agreement becomes active once we have confirmed it.` }),
  );
  form.reset();
  orderDefaults(form);
  result.querySelector('h3').focus();
  return true;
}

/** The renewal and balance forms: a contract number and the e-mail on file. */
function buildContractAndEmail(form) {
  return { contractNumber: value(form, 'contractNumber'), email: value(form, 'email') };
}

function messageAnswered(status, answer, form, result) {
  if (status !== 202 || !answer.received) return false;
  result.replaceChildren(el('p', { className: 'message', textContent: answer.message }));
  form.reset();
  return true;
}

function buildSupport(form) {
  return {
    contractNumber: value(form, 'contractNumber'),
    serialNumber: optional(form, 'serialNumber'),
    taxId: optional(form, 'taxId'),
    contact: { name: value(form, 'contactName'), email: value(form, 'contactEmail'), phone: optional(form, 'contactPhone'), locale: value(form, 'contactLocale') },
    category: value(form, 'category'),
    severity: value(form, 'severity'),
    subject: value(form, 'subject'),
    description: form.elements.description.value.trim(),
  };
}

const METRICS = { 'first-response': 'First response', firstResponse: 'First response', resolution: 'Resolution', 'next-update': 'Next update' };
const metricLabel = (metric) => METRICS[metric] ?? String(metric).replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase());

function supportAnswered(status, answer, form, result) {
  if (status === 201 && answer.reference) {
    const sla = answer.sla ?? [];
    result.replaceChildren(
      el('h3', { textContent: 'We have your request' }),
      el('p', {}, 'Your reference: ', el('strong', { className: 'reference', textContent: answer.reference })),
      sla.length
        ? el('dl', { className: 'sla' }, ...sla.flatMap((due) => [
            el('dt', { textContent: metricLabel(due.metric) }),
            el('dd', {}, 'by ', el('time', { dateTime: due.dueAt, textContent: due.dueAtLocal ?? due.dueAt })),
          ]))
        : undefined,
    );
    form.reset();
    return true;
  }
  if (status === 202) return messageAnswered(status, answer, form, result);
  if (status === 409 && answer.error?.code === 'not_entitled') {
    // remedy: { action: 'renew' | 'order', hint } — renewing is offered where it restores support.
    const { message, remedy } = answer.error;
    const contractNumber = value(form, 'contractNumber');
    const email = value(form, 'contactEmail');
    const renew = el('button', { type: 'button', className: 'secondary', textContent: 'Request a renewal' });
    renew.addEventListener('click', () => {
      const renewalForm = document.getElementById('renewal-form');
      renewalForm.elements.contractNumber.value = contractNumber;
      renewalForm.elements.email.value ||= email;
      document.getElementById('renewal').scrollIntoView({ behavior: 'smooth', block: 'start' });
      renewalForm.elements.email.focus();
    });
    showSummary(
      form,
      message,
      remedy?.hint ? el('p', { textContent: remedy.hint }) : undefined,
      remedy?.action === 'renew' ? el('p', { className: 'actions' }, renew) : undefined,
    );
    return true;
  }
  return false;
}

const orderForm = document.getElementById('order-form');
orderDefaults(orderForm);
wire(orderForm, buildOrder, orderAnswered);
wire(document.getElementById('renewal-form'), buildContractAndEmail, messageAnswered);
wire(document.getElementById('support-form'), buildSupport, supportAnswered);
wire(document.getElementById('credit-form'), buildContractAndEmail, messageAnswered);
wire(
  document.getElementById('privacy-form'),
  (form) => ({ email: value(form, 'email'), right: value(form, 'right'), details: optional(form, 'details'), language: value(form, 'language') }),
  messageAnswered,
);
document.documentElement.dataset.ready = 'true';
