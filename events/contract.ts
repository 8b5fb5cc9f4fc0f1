import * as z from 'zod';

/** Locales customers can choose; e-mail templates exist per locale. */
export const Locale = z.enum(['en', 'fr', 'pl', 'de', 'sv']);
export type Locale = z.infer<typeof Locale>;

const isoDate = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });

export const ContractCreated = z.object({
  contractId: z.string().min(1),
  customer: z.object({
    name: z.string().min(1).max(200),
    email: z.email().max(254),
    locale: Locale,
  }),
  planId: z.string().min(1),
  timeZone: z.string().min(1),
  startsOn: isoDate,
  endsOn: isoDate,
  /** The instant the term ends: `endsOn` at 00:00 in `timeZone`. */
  endsAt: isoInstant,
  termMonths: z.number().int().positive(),
  distributorId: z.string().min(1).optional(),
});
export type ContractCreated = z.infer<typeof ContractCreated>;

export const ContractExpired = z.object({
  contractId: z.string().min(1),
  expiredAt: isoInstant,
});
export type ContractExpired = z.infer<typeof ContractExpired>;
