import { tableEnvVar, type TableId } from '../tables';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export const tableName = (id: TableId): string => requiredEnv(tableEnvVar(id));
