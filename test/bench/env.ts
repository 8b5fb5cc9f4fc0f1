import { randomBytes } from 'node:crypto';

/**
 * Imported first by main.ts: ES modules evaluate imports in order, so these are set before any
 * AWS SDK client or powertools logger is created.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
// The PII vault's local master key: the sweeps' appends seal personal fields like every append.
process.env.VAULT_MASTER_KEY ??= randomBytes(32).toString('base64');

export const REGION = 'eu-north-1';
export const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
