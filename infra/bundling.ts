import { resolve } from 'node:path';

/**
 * How every function is bundled (esbuild), shared by the CDK app and the bench so the figures
 * measure what is deployed. The AWS SDK is bundled at the versions the tests ran with; it is
 * also what starts fastest (one file instead of hundreds of modules from the runtime's copy).
 */

/** ESM bundles need a `require` for the CommonJS code esbuild inlines; this banner makes one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __slCreateRequire } from 'node:module'; const require = __slCreateRequire(import.meta.url);";

/** Prefer packages' ES module builds: they tree-shake. */
export const MAIN_FIELDS = ['module', 'main'];

/** Module replacements, from the project root: Lambda takes credentials from the environment only. */
export const aliases = (projectRoot: string): Record<string, string> => ({
  '@aws-sdk/credential-provider-node': resolve(projectRoot, 'functions/runtime/lambda-credentials.ts'),
});
