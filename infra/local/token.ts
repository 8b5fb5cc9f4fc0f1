import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../../domain/roles';
import { loadOrCreateKey, signStaffToken } from './dev-auth';

/** `npm run token -- --role admin [--distributor D1] [--sub alice]`: prints a local staff token. */
const { values } = parseArgs({
  options: { role: { type: 'string', default: 'admin' }, distributor: { type: 'string' }, sub: { type: 'string' } },
});
if (!isRole(values.role)) {
  console.error(`Unknown role ${values.role}; use one of ${ROLES.join(', ')}.`);
  process.exit(2);
}
if (values.role === 'agent-l0' && !values.distributor) {
  console.error('An agent-l0 token needs --distributor <id>.');
  process.exit(2);
}
const key = loadOrCreateKey(join(process.cwd(), '.local', 'dev-jwt.key'));
console.log(await signStaffToken(key, { role: values.role, distributorId: values.distributor, sub: values.sub }));
