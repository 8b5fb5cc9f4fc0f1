import { route } from './route';

/** Placeholder being written now (see infra/topology.ts). */
export const handler = route({ roles: ['admin'] }, async () => ({ status: 501, body: { error: { code: 'not_implemented', message: 'Not yet.' } } }));
