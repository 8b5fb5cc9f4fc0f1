import { SubjectActivity } from '../vault/activity';
import { dynamo } from './clients';
import { tableName } from './env';

let current: SubjectActivity | undefined;

/** When data subjects were last heard from, and the audit's index over it (the vault table) of this container. */
export const subjectActivity = (): SubjectActivity => (current ??= new SubjectActivity({ client: dynamo(), table: tableName('vault') }));
