import { IANAZone } from 'luxon';
import * as z from 'zod';

/** Ids are what other parts of the catalog (and stored events) refer to: short, lower-case slugs. */
export const Id = z
  .string()
  .max(64, 'Ids are at most 64 characters.')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Ids are lower-case letters, digits and dashes (e.g. "gold", "support-plus").');

export const Name = z.string().trim().min(1, 'Required.').max(200);
export const Description = z.string().trim().min(1).max(2000);

/** A named thing other entries can refer to by id. */
export const Named = z.strictObject({ id: Id, name: Name, description: Description.optional() });
export type Named = z.infer<typeof Named>;

export const TimeZone = z.string().refine((zone) => IANAZone.isValidZone(zone), 'Not an IANA time zone (e.g. Europe/Stockholm).');

/** Term lengths in months (a term of ten years is the longest a catalog may sell). */
export const TermMonths = z.int().min(1, 'A term is at least one month.').max(120, 'A term is at most 120 months.');

/** Who provides a plan or a support level. */
export const Provider = z.enum(['vendor', 'distributor', 'support-partner']);
export type Provider = z.infer<typeof Provider>;

/**
 * Something that must hold before a plan or add-on is sold, renewed, or a ticket is served
 * (e.g. a current rental licence; a current calibration trial). Staff or the order form attest it.
 */
export const Precondition = z.strictObject({
  id: Id,
  name: Name,
  at: z.array(z.enum(['order', 'renewal', 'ticket'])).min(1, 'Say when the precondition is checked.'),
});
export type Precondition = z.infer<typeof Precondition>;

/** A period a price recurs over: each year, each term, or once. */
export const PricePeriod = z.enum(['year', 'term', 'once']);
