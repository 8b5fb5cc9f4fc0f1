import { INVOICE_RECORD_YEARS } from './retention';

/** One processing activity of the product: what data, why, on what legal basis, and for how long. */
export interface ProcessingActivity {
  purpose: string;
  data: string;
  legalBasis: 'contract' | 'legal obligation' | 'legitimate interest' | 'consent';
  retention: string;
  /** Whether the person can stop it (objection, restriction, opting out). */
  optional: boolean;
}

/**
 * The record of processing the product states to each person in an access export (what the
 * privacy policy promises): purposes, legal bases and retention times.
 */
export const PROCESSING_RECORD: readonly ProcessingActivity[] = [
  {
    purpose: 'Support agreements: orders, renewals, registered persons, fees',
    data: 'Name, e-mail address, tax id, the agreement and its history',
    legalBasis: 'contract',
    retention: 'While you are a customer, until you ask us to erase it',
    optional: false,
  },
  {
    purpose: 'Support requests and their service e-mails',
    data: 'Contact details, subjects, descriptions, replies, notes, work logs',
    legalBasis: 'contract',
    retention: 'While you are a customer; contacts who are not customers are erased after a periodic audit finds them unresponsive',
    optional: false,
  },
  {
    purpose: 'Invoices and the billing ledger',
    data: 'Amounts, dates, contract and customer numbers',
    legalBasis: 'legal obligation',
    retention: `${INVOICE_RECORD_YEARS} years (accounting law), also after an erasure`,
    optional: false,
  },
  {
    purpose: 'Security of the website forms',
    data: 'IP address of each form sent',
    legalBasis: 'legitimate interest',
    retention: 'About 3 weeks',
    optional: false,
  },
  {
    purpose: 'Market analysis and web analytics',
    data: 'The network part of the IP address of each form sent',
    legalBasis: 'legitimate interest',
    retention: 'About 12 months',
    optional: true,
  },
  {
    purpose: 'Marketing e-mails and satisfaction surveys',
    data: 'Name, e-mail address, language',
    legalBasis: 'legitimate interest',
    retention: 'Until you opt out or object',
    optional: true,
  },
  {
    purpose: 'Product-safety notices',
    data: 'Name, e-mail address, language, the products you hold',
    legalBasis: 'legal obligation',
    retention: 'While you are a customer; sent also after you opt out of marketing',
    optional: false,
  },
];
