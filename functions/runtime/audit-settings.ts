import { auditSettingsFrom, type AuditSettings } from '../../domain/privacy/audit';

/** The retention audit's settings: PRIVACY_AUDIT_INACTIVE_DAYS (default 730) and PRIVACY_AUDIT_GRACE_DAYS (default 30); a bad value throws, naming it. */
export const auditSettings = (): AuditSettings => auditSettingsFrom(process.env);
