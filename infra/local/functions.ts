import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { functions, type FunctionName } from '../topology';
import { lambdaContext } from './lambda-context';

export type Invoke = (name: FunctionName, event: unknown) => Promise<unknown>;

const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * Invokes the declared functions in this process, each module loaded on first use (after the
 * environment is set, as in a Lambda container), with the event shape AWS would send.
 */
export function localFunctions(region: string): Invoke {
  const loaded = new Map<FunctionName, Promise<(event: unknown, context: Context) => Promise<unknown>>>();
  const load = (name: FunctionName) => {
    let handler = loaded.get(name);
    if (!handler) {
      handler = import(pathToFileURL(resolve(projectRoot, functions[name].entry)).href).then((m) => m.handler);
      loaded.set(name, handler);
    }
    return handler;
  };
  return async (name, event) => (await load(name))(event, lambdaContext(name, functions[name].timeoutSeconds, region));
}
