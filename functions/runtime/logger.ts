import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs. Personal data (names, e-mails, free text) is never logged in clear. */
export const logger = new Logger({ serviceName: 'support-ledger' });
