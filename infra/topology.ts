import { INTEGRATION_SOURCE } from '../events/integration';
import type { TableId } from '../functions/tables';
import { TABLES } from '../functions/tables';

/**
 * The one declaration of what support-ledger is made of: tables, functions and their triggers.
 * `infra/cdk` turns it into AWS resources; `infra/local` runs the same declaration on this
 * machine (DynamoDB Local, the SES emulator, an in-process bus and scheduler, an HTTP server).
 */

/** OAuth scope every staff route requires (Cognito resource server `support-ledger`, scope `staff`). */
export const STAFF_SCOPE = 'support-ledger/staff';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How often Lambda retries an asynchronous invocation whose handler failed: 2, Lambda's maximum.
 *
 * Bus rules and schedules invoke their function asynchronously, so a failing event meets two
 * retry layers, one after the other:
 * 1. EventBridge → Lambda. The rule target's retry policy (`retryAttempts` and
 *    `maxEventAgeSeconds` of a `bus` trigger; a fixed policy for schedules) and its dead-letter
 *    queue cover only handing the event to Lambda (throttling, the service unreachable). Once
 *    Lambda has queued the event, EventBridge counts it delivered, whatever the handler does.
 * 2. Lambda → the handler. When the handler throws or times out, Lambda runs it again up to
 *    LAMBDA_ASYNC_RETRIES times, while the event is younger than the function's maximum event
 *    age (at most 6 hours in Lambda), then sends it to the function's on-failure queue.
 * So a handler sees one event at most 1 + LAMBDA_ASYNC_RETRIES times for failures of its own
 * (reactions are idempotent by event id). A local bus that calls handlers directly plays only
 * layer 2 and should retry a throwing handler this many times.
 */
export const LAMBDA_ASYNC_RETRIES = 2;

export type Trigger =
  | {
      kind: 'http';
      method: HttpMethod;
      /** API Gateway route path, e.g. `/v1/contracts/{id}`. */
      path: string;
      /** `staff`: JWT authorizer with STAFF_SCOPE; `public`: website forms, rate limited, CORS. */
      auth: 'staff' | 'public';
    }
  | {
      kind: 'stream';
      table: TableId;
      batchSize: number;
      maxBatchingWindowSeconds: number;
      /** Retries of a failing batch before it goes to the on-failure queue. */
      retryAttempts: number;
    }
  | {
      kind: 'bus';
      rule: string;
      /** An EventBridge event pattern; the local bus matches it with the same semantics. */
      pattern: Record<string, unknown>;
      /** EventBridge's retries of handing the event to Lambda (layer 1 in the note at LAMBDA_ASYNC_RETRIES). */
      retryAttempts: number;
      /** How long EventBridge, and then Lambda (capped at its 6 hours), keep trying the event. */
      maxEventAgeSeconds: number;
    }
  | {
      kind: 'schedule';
      name: string;
      /** An EventBridge schedule expression: `rate(…)` or `cron(min hour dom month dow year)`. */
      expression: string;
    }
  | {
      kind: 'cognito';
      /**
       * A trigger of the staff user pool, invoked synchronously while Cognito works (it waits at
       * most 5 seconds). `preTokenGeneration`: event version V2_0, may change ID and access tokens.
       */
      event: 'preTokenGeneration';
    };

/**
 * What a function may do with the PII vault (data keys in the `vault` table, wrapped by the vault's
 * KMS key in AWS). Each mode includes the one before:
 * - `open`: read keys and unwrap them, to open sealed personal fields (answers, e-mails);
 * - `seal`: also create keys (wrap them) and note which streams hold a subject's data, to seal
 *   the personal fields of the events it appends;
 * - `erase`: also delete keys, which crypto-shreds what they sealed.
 */
export type VaultMode = 'open' | 'seal' | 'erase';

export type Access =
  /** The vault table is reached only through a `vault` access, never as a plain table. */
  | { resource: 'table'; table: Exclude<TableId, 'vault'>; mode: 'read' | 'readWrite' | 'append' }
  | { resource: 'vault'; mode: VaultMode }
  | { resource: 'bus'; mode: 'publish' }
  | { resource: 'mail'; mode: 'send' };

export interface FunctionDefinition {
  /** Path of the handler module from the project root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMB: number;
  timeoutSeconds: number;
  access: Access[];
  triggers: Trigger[];
}

type PlainTableId = Extract<Access, { resource: 'table' }>['table'];
const readTable = (table: PlainTableId): Access => ({ resource: 'table', table, mode: 'read' });
const writeTable = (table: PlainTableId): Access => ({ resource: 'table', table, mode: 'readWrite' });
const vault = (mode: VaultMode): Access => ({ resource: 'vault', mode });

/** Opens the personal fields of what it reads (views, events) to answer or to mail. */
const opensPersonalData: Access = vault('open');
/**
 * May put new events (and read streams), never update or delete one. The store seals their
 * personal fields on the way in, so every appender also seals (and opens) with the vault.
 */
const appendsEvents = (): Access[] => [{ resource: 'table', table: 'events', mode: 'append' }, vault('seal')];

/** Creates a contract from a request: appends its first events, with an Idempotency-Key. */
const createsContract = (): Access[] => [...appendsEvents(), writeTable('idempotency')];
/** Acts on an existing contract or ticket: reads views, then appends, with an Idempotency-Key. */
const commandsStream = (): Access[] => [readTable('views'), ...appendsEvents(), writeTable('idempotency')];
/** Answers from the views alone, opening their personal fields. */
const readsViews = (): Access[] => [readTable('views'), opensPersonalData];
/** Answers from the views and the event streams, opening their personal fields. */
const readsViewsAndEvents = (): Access[] => [readTable('views'), readTable('events'), opensPersonalData];
/** A sweeper: reads what is due from the views, appends (sealing) what follows. */
const sweepsViews = (): Access[] => [readTable('views'), ...appendsEvents()];

/** A function behind one API route: 512 MB, 10 seconds. */
const httpFunction = <const Method extends HttpMethod, const Path extends string, const Auth extends 'staff' | 'public'>(
  entry: string,
  description: string,
  access: Access[],
  method: Method,
  path: Path,
  auth: Auth,
) => ({ entry, description, memoryMB: 512, timeoutSeconds: 10, access, triggers: [{ kind: 'http' as const, method, path, auth }] });

/** A staff route (JWT with STAFF_SCOPE). */
const staffRoute = <const Method extends HttpMethod, const Path extends string>(entry: string, description: string, access: Access[], method: Method, path: Path) =>
  httpFunction(entry, description, access, method, path, 'staff');

/** A website form (public, rate limited). */
const publicRoute = <const Path extends string>(entry: string, description: string, access: Access[], path: Path) =>
  httpFunction(entry, description, access, 'POST', path, 'public');

/** A daily sweep of the due index on the schedule `name`: reads the views, appends events, up to 5 minutes. */
const dailySweep = <const Name extends string, const Expression extends string>(entry: string, description: string, name: Name, expression: Expression) => ({
  entry,
  description,
  memoryMB: 512,
  timeoutSeconds: 300,
  access: sweepsViews(),
  triggers: [{ kind: 'schedule' as const, name, expression }],
});

export const functions = {
  createContract: staffRoute('functions/http/create-contract.ts', 'POST /v1/contracts: a staff member creates a customer contract', createsContract(), 'POST', '/v1/contracts'),
  getContract: staffRoute('functions/http/get-contract.ts', 'GET /v1/contracts/{id}: the projected contract view', readsViews(), 'GET', '/v1/contracts/{id}'),
  placeOrder: publicRoute('functions/http/place-order.ts', 'POST /v1/public/orders: the website order form', createsContract(), '/v1/public/orders'),
  requestRenewal: publicRoute('functions/http/request-renewal.ts', 'POST /v1/public/renewal-requests: the website renewal form (contract number + e-mail on file)', commandsStream(), '/v1/public/renewal-requests'),
  renewContract: staffRoute('functions/http/renew-contract.ts', 'POST /v1/contracts/{id}/renewals: staff renew a contract (on time, in grace, or reinstated with the fee)', commandsStream(), 'POST', '/v1/contracts/{id}/renewals'),
  activateContract: staffRoute('functions/http/activate-contract.ts', 'POST /v1/contracts/{id}/activation: staff activate an ordered contract', commandsStream(), 'POST', '/v1/contracts/{id}/activation'),
  payReactivationFee: staffRoute('functions/http/pay-reactivation-fee.ts', 'POST /v1/contracts/{id}/reactivation-fee/payments: billing records a payment towards a reinstatement fee', commandsStream(), 'POST', '/v1/contracts/{id}/reactivation-fee/payments'),
  addAddOn: staffRoute('functions/http/add-add-on.ts', 'POST /v1/contracts/{id}/add-ons: staff add an add-on', commandsStream(), 'POST', '/v1/contracts/{id}/add-ons'),
  removeAddOn: staffRoute('functions/http/remove-add-on.ts', 'DELETE /v1/contracts/{id}/add-ons/{addOnId}: staff remove an add-on', commandsStream(), 'DELETE', '/v1/contracts/{id}/add-ons/{addOnId}'),
  addRegisteredPerson: staffRoute('functions/http/add-registered-person.ts', 'POST /v1/contracts/{id}/registered-persons: staff register a person on a seat', commandsStream(), 'POST', '/v1/contracts/{id}/registered-persons'),
  removeRegisteredPerson: staffRoute('functions/http/remove-registered-person.ts', 'DELETE /v1/contracts/{id}/registered-persons/{personId}: staff free a seat', commandsStream(), 'DELETE', '/v1/contracts/{id}/registered-persons/{personId}'),
  changeLicencePackages: staffRoute('functions/http/change-licence-packages.ts', 'PUT /v1/contracts/{id}/licence-packages: staff set the licence packages held', commandsStream(), 'PUT', '/v1/contracts/{id}/licence-packages'),
  changeLicence: staffRoute('functions/http/change-licence.ts', 'PUT /v1/contracts/{id}/licence: staff record the licence the credit depends on (annual rent, main modules)', commandsStream(), 'PUT', '/v1/contracts/{id}/licence'),
  correctCustomer: staffRoute('functions/http/correct-customer.ts', "PATCH /v1/contracts/{id}/customer: staff correct the customer's name, tax id or language (rectification)", commandsStream(), 'PATCH', '/v1/contracts/{id}/customer'),
  cancelContract: staffRoute('functions/http/cancel-contract.ts', 'POST /v1/contracts/{id}/cancellation: staff cancel a contract with a reason', commandsStream(), 'POST', '/v1/contracts/{id}/cancellation'),
  getEntitlements: staffRoute('functions/http/get-entitlements.ts', 'GET /v1/contracts/{id}/entitlements: what the contract covers at an instant, and why not', readsViews(), 'GET', '/v1/contracts/{id}/entitlements'),
  listContracts: staffRoute('functions/http/list-contracts.ts', "GET /v1/contracts?customerEmail=…: a customer's contracts, paged", readsViews(), 'GET', '/v1/contracts'),
  listExpiringContracts: staffRoute('functions/http/list-expiring-contracts.ts', 'GET /v1/contracts/expiring?from=…&to=…: the contracts whose term ends between two instants, paged', readsViews(), 'GET', '/v1/contracts/expiring'),
  getRenewalPipeline: staffRoute('functions/http/get-renewal-pipeline.ts', 'GET /v1/renewal-pipeline?stage=…: the contracts at one renewal stage (reminded, requested, renewed, lapsed), paged', readsViews(), 'GET', '/v1/renewal-pipeline'),
  submitSupportRequest: publicRoute('functions/http/submit-support-request.ts', 'POST /v1/public/support-requests: the website support-request form (contract number, serial number, contact)', commandsStream(), '/v1/public/support-requests'),
  openTicket: staffRoute('functions/http/open-ticket.ts', 'POST /v1/tickets: staff take a report by phone or e-mail', commandsStream(), 'POST', '/v1/tickets'),
  getTicket: staffRoute('functions/http/get-ticket.ts', 'GET /v1/tickets/{id}: the ticket view with its SLA clocks', readsViews(), 'GET', '/v1/tickets/{id}'),
  listTickets: staffRoute('functions/http/list-tickets.ts', "GET /v1/tickets?queue=…|contractId=…: a queue's open tickets (priority first) or a contract's tickets", readsViews(), 'GET', '/v1/tickets'),
  actOnTicket: staffRoute('functions/http/act-on-ticket.ts', 'POST /v1/tickets/{id}/actions: reply, note, wait, resume, accept, escalate, change severity, arrival, parts delivery, resolve', commandsStream(), 'POST', '/v1/tickets/{id}/actions'),
  logWork: staffRoute('functions/http/log-work.ts', "POST /v1/tickets/{id}/work-logs: an agent logs work on a ticket, booked against the contract's credit", commandsStream(), 'POST', '/v1/tickets/{id}/work-logs'),
  correctWorkLog: staffRoute('functions/http/correct-work-log.ts', 'POST /v1/tickets/{id}/work-logs/{entryId}/corrections: a correction reverses and re-books the entry\'s case', commandsStream(), 'POST', '/v1/tickets/{id}/work-logs/{entryId}/corrections'),
  getCredit: staffRoute('functions/http/get-credit.ts', "GET /v1/contracts/{id}/credit: the contract year's support-time credit, its use and earlier years", readsViewsAndEvents(), 'GET', '/v1/contracts/{id}/credit'),
  requestCreditBalance: publicRoute('functions/http/request-credit-balance.ts', 'POST /v1/public/credit-balance-requests: the website form asking for the credit balance by e-mail (contract number + e-mail on file)', commandsStream(), '/v1/public/credit-balance-requests'),
  unsubscribe: publicRoute('functions/http/unsubscribe.ts', 'POST /v1/public/unsubscribe: the unsubscribe page and one-click unsubscribe (a signed token from a marketing e-mail or survey)', commandsStream(), '/v1/public/unsubscribe'),
  getLedger: staffRoute('functions/http/get-ledger.ts', "GET /v1/customers/{id}/ledger?from=&to=&format=json|csv: the customer's invoice lines (billing)", readsViews(), 'GET', '/v1/customers/{id}/ledger'),
  submitPrivacyRequest: publicRoute('functions/http/submit-privacy-request.ts', 'POST /v1/public/privacy-requests: the website form for the rights over personal data; a signed link is mailed to the address on file', [readTable('views'), ...appendsEvents(), writeTable('idempotency')], '/v1/public/privacy-requests'),
  confirmPrivacyRequest: publicRoute('functions/http/confirm-privacy-request.ts', 'POST /v1/public/privacy-requests/confirmations: the e-mailed link confirms a privacy request, which is then carried out (export, erasure, limits)', [readTable('views'), ...appendsEvents(), vault('erase')], '/v1/public/privacy-requests/confirmations'),
  listPrivacyRequests: staffRoute('functions/http/list-privacy-requests.ts', 'GET /v1/privacy/requests?status=open|overdue|all: privacy requests with their one-month deadline (DPO)', readsViews(), 'GET', '/v1/privacy/requests'),
  completePrivacyRequest: staffRoute('functions/http/complete-privacy-request.ts', 'POST /v1/privacy/requests/{id}/completion: the DPO answers a confirmed request (rectified, or refused with the reason)', [...appendsEvents(), writeTable('idempotency')], 'POST', '/v1/privacy/requests/{id}/completion'),
  eraseSubject: staffRoute('functions/http/erase-subject.ts', "POST /v1/privacy/erasures: the DPO erases a data subject (its key is deleted; what a law keeps is recorded)", [readTable('views'), ...appendsEvents(), vault('erase'), writeTable('idempotency')], 'POST', '/v1/privacy/erasures'),
  listFlaggedSubjects: staffRoute('functions/http/list-flagged-subjects.ts', 'GET /v1/privacy/flagged-subjects: the non-customer contacts the retention audit flagged as unresponsive, soonest erasure first, paged (DPO)', readsViews(), 'GET', '/v1/privacy/flagged-subjects'),
  getSlaCompliance: staffRoute('functions/http/get-sla-compliance.ts', 'GET /v1/reports/sla-compliance?from=YYYY-MM&to=YYYY-MM&format=json|csv: met and breached per plan, month and target', readsViews(), 'GET', '/v1/reports/sla-compliance'),
  sendMailing: staffRoute('functions/http/send-mailing.ts', 'POST /v1/mailings: an admin sends a marketing e-mail, survey or product-safety notice to the customers of up to 500 contracts', commandsStream(), 'POST', '/v1/mailings'),
  checkSlas: {
    entry: 'functions/sweepers/check-slas.ts',
    description: 'Every minute: SLA warnings and breaches that have come due, each raised once',
    memoryMB: 1024,
    timeoutSeconds: 55,
    access: sweepsViews(),
    triggers: [{ kind: 'schedule', name: 'check-slas', expression: 'rate(1 minute)' }],
  },
  projector: {
    entry: 'functions/projector/handler.ts',
    description: 'Applies new events to the views and publishes them as integration events',
    memoryMB: 1024,
    timeoutSeconds: 60,
    access: [readTable('events'), writeTable('views'), { resource: 'bus', mode: 'publish' }],
    triggers: [{ kind: 'stream', table: 'events', batchSize: 100, maxBatchingWindowSeconds: 1, retryAttempts: 10 }],
  },
  notifier: {
    entry: 'functions/notifier/handler.ts',
    description: 'Sends the customer e-mails that events call for, once per event',
    memoryMB: 512,
    timeoutSeconds: 30,
    // `seal`: the links it signs (unsubscribe) use a vault key created on first use.
    access: [readTable('views'), vault('seal'), writeTable('idempotency'), { resource: 'mail', mode: 'send' }],
    triggers: [
      {
        kind: 'bus',
        rule: 'contract-mail',
        pattern: { source: [INTEGRATION_SOURCE], 'detail-type': ['ContractOrdered', 'RenewalRequested', 'ContractActivated', 'ContractExpired', 'RenewalReminded', 'ContractLapsed', 'ContractRenewed', 'ContractReinstated', 'ReactivationFeePaid', 'ContractCancelled', 'SystemReviewDue', 'TicketOpened', 'AgentReplied', 'TicketResolved', 'SlaWarningRaised', 'SlaBreached', 'TicketEscalated', 'ReplacementShipped', 'DeviceReturnReminded', 'DeviceReturnOverdue', 'LoanerCharged', 'CreditBalanceRequested', 'CreditYearClosed', 'StatementIssued', 'PrivacyRequestReceived', 'PrivacyRequestCompleted', 'PrivacyRequestReminded', 'MailingRequested'] },
        retryAttempts: 8,
        maxEventAgeSeconds: 86_400,
      },
    ],
  },
  expireContracts: dailySweep('functions/sweepers/expire-contracts.ts', 'Daily: expires the contracts whose term has ended', 'expire-contracts', 'cron(5 0 * * ? *)'),
  lapseContracts: dailySweep('functions/sweepers/lapse-contracts.ts', 'Daily: contracts still expired when the grace period ends lapse', 'lapse-contracts', 'cron(10 0 * * ? *)'),
  sendRenewalReminders: dailySweep('functions/sweepers/send-renewal-reminders.ts', 'Daily: renewal reminders at each catalog offset before the term ends, once per contract and offset', 'renewal-reminders', 'cron(15 0 * * ? *)'),
  remindPrivacyDeadlines: dailySweep('functions/sweepers/remind-privacy-deadlines.ts', 'Daily: the DPO is reminded of confirmed privacy requests 7 days and 1 day before their deadline', 'privacy-deadlines', 'cron(45 0 * * ? *)'),
  scheduleSystemReviews: dailySweep('functions/sweepers/schedule-system-reviews.ts', 'Daily: the yearly system review falls due for plans that include one', 'system-reviews', 'cron(20 0 * * ? *)'),
  checkReturns: dailySweep('functions/sweepers/check-returns.ts', 'Daily: devices due back (RMA and loaners): reminders, overdue, loaners charged at list price', 'device-returns', 'cron(25 0 * * ? *)'),
  auditSubjects: { ...dailySweep('functions/sweepers/audit-subjects.ts', 'Daily: flags non-customer contacts not heard from for PRIVACY_AUDIT_INACTIVE_DAYS and erases those still silent after PRIVACY_AUDIT_GRACE_DAYS', 'privacy-audit', 'cron(40 0 * * ? *)'), access: [...sweepsViews(), vault('erase')] },
  rollOverCredit: dailySweep('functions/sweepers/roll-over-credit.ts', "Daily: a contract year's credit expires at its end and the next year's is granted", 'credit-years', 'cron(30 0 * * ? *)'),
  purgeExpiredKeys: {
    entry: 'functions/sweepers/purge-expired-keys.ts',
    description: 'Daily: deletes the purpose keys of time-limited data (IP addresses) whose retention period has ended',
    memoryMB: 256,
    timeoutSeconds: 60,
    // Only the vault: it finds the expired keys by their expiry index and deletes them.
    access: [vault('erase')],
    triggers: [{ kind: 'schedule', name: 'privacy-retention', expression: 'cron(35 0 * * ? *)' }],
  },
  issueStatements: {
    entry: 'functions/sweepers/issue-statements.ts',
    description: "Monthly: each customer with ledger lines in the month before gets a statement by e-mail",
    memoryMB: 512,
    timeoutSeconds: 300,
    access: sweepsViews(),
    triggers: [{ kind: 'schedule', name: 'monthly-statements', expression: 'cron(0 6 1 * ? *)' }],
  },
  preTokenGeneration: {
    entry: 'functions/auth/pre-token-generation.ts',
    description: "Cognito: copies a distributor agent's distributor into its access token",
    memoryMB: 256,
    timeoutSeconds: 5,
    access: [],
    triggers: [{ kind: 'cognito', event: 'preTokenGeneration' }],
  },
} as const satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof functions;

export const tables = TABLES;

/** Public (website) routes: throttling and the origins allowed by CORS. */
export const publicApi = {
  rateLimit: { requestsPerSecond: 5, burst: 10 },
  /** Overridden by PUBLIC_ORIGINS (comma-separated) at deploy or local start. */
  defaultAllowedOrigins: ['http://localhost:5173'],
};

/** CORS of the whole API (origins above): what a browser may send and read. */
export const cors = {
  allowHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-correlation-id'],
  exposeHeaders: ['x-correlation-id', 'location', 'idempotent-replayed'],
  maxAgeSeconds: 3600,
};
