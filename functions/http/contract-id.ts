import * as z from 'zod';

/** `{id}` in contract routes: a ULID. */
export const ContractIdParams = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a contract id.') });
