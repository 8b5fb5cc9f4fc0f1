import { DUE_INDEX } from '../../functions/tables';

/**
 * Counts the items the functions' DynamoDB client reads from the views' `due` index: calls
 * `count` with each response's item count. Call after useEmulatorEnvironment (the client is made
 * on first use).
 */
export async function countDueIndexReads(count: (items: number) => void): Promise<void> {
  const { dynamo } = await import('../../functions/runtime/clients');
  dynamo().middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const input = args.input as { IndexName?: string };
      const output = result.output as { Items?: unknown[] };
      if (input.IndexName === DUE_INDEX) count(output.Items?.length ?? 0);
      return result;
    },
    { step: 'initialize', name: 'countDueReads' },
  );
}
