/**
 * Imported first by main.ts: ES modules evaluate imports in order, so these are set before any
 * AWS SDK client or powertools logger is created.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

export const REGION = 'eu-north-1';
export const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
