import * as z from 'zod';

/**
 * Personal data in events and views is stored only sealed: a string
 * `sealed:1:<keyRef>:<iv>:<ciphertext>` (AES-256-GCM, base64url, the tag at the end of the
 * ciphertext, the key reference as additional data). `keyRef` names the data key in the vault:
 * `s-<subjectId>` for a data subject, `p-<purpose>-<period>` for time-limited data (IP addresses).
 * Deleting the key erases every value sealed with it, wherever it was copied.
 */
export const SEALED_PREFIX = 'sealed:1:';
export const SealedString = z.string().regex(/^sealed:1:[A-Za-z0-9_.-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/, 'Not a sealed value.');

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(SEALED_PREFIX);

/** The key reference of a sealed value. */
export const keyRefOf = (sealed: string): string => sealed.slice(SEALED_PREFIX.length, sealed.indexOf(':', SEALED_PREFIX.length));

/** A personal field: its clear form (as requests give it, validated) or, as stored, its sealed form. */
export const personal = <S extends z.ZodType<string>>(schema: S) => z.union([SealedString, schema]);

/** The subject a key reference names (undefined for a purpose key). */
export const subjectOfKeyRef = (keyRef: string): string | undefined => (keyRef.startsWith('s-') ? keyRef.slice(2) : undefined);
export const subjectKeyRef = (subjectId: string): string => `s-${subjectId}`;
export const purposeKeyRef = (purpose: string, period: string): string => `p-${purpose}-${period}`;
export const isPurposeKeyRef = (keyRef: string): boolean => keyRef.startsWith('p-');
