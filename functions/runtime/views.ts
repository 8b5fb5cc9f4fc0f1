import { ViewStore } from '../views/view-store';
import { dynamo } from './clients';
import { tableName } from './env';

let views: ViewStore | undefined;

export const viewStore = (): ViewStore => (views ??= new ViewStore(dynamo(), tableName('views')));
