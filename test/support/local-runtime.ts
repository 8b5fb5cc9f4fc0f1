import { randomBytes, randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Role } from '../../domain/roles';
import { signStaffToken } from '../../infra/local/dev-auth';
import { freePort } from '../../infra/local/ports';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';

export interface TestRuntime extends LocalRuntime {
  token(role: Role, distributorId?: string): Promise<string>;
  call(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

/**
 * The whole local runtime on the shared emulators, with its own tables and signing key; `web`
 * also serves the example website on a free port, its origin allowed by CORS.
 */
export async function startTestRuntime(options: { web?: boolean } = {}): Promise<TestRuntime> {
  const webPort = options.web ? await freePort() : undefined;
  const runtime = await startLocalRuntime({
    dynamoEndpoint: inject('dynamoEndpoint'),
    sesEndpoint: inject('sesEndpoint'),
    tablePrefix: `e2e${randomUUID().slice(0, 8)}`,
    jwtKey: randomBytes(32),
    schedules: false,
    allowedOrigins: ['https://www.example-vendor.test', ...(webPort ? [`http://localhost:${webPort}`] : [])],
    webPort,
  });
  return {
    ...runtime,
    token: (role, distributorId) => signStaffToken(runtime.jwtKey, { role, distributorId, sub: `${role}-${distributorId ?? 'hq'}` }),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${runtime.apiUrl}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

export interface SentMail {
  subject: string;
  to: string[];
  text: string;
  html: string;
}

/** The mail the SES emulator holds for one address. */
export async function mailsTo(address: string): Promise<SentMail[]> {
  const response = await fetch(`${inject('sesEndpoint')}/store`);
  const { emails } = (await response.json()) as { emails: { subject: string; destination: { to: string[] }; body: { text: string; html: string } }[] };
  return emails
    .filter((m) => m.destination.to.includes(address))
    .map((m) => ({ subject: m.subject, to: m.destination.to, text: m.body.text, html: m.body.html }));
}

export const uniqueEmail = (name = 'customer') => `${name}+${randomUUID().slice(0, 8)}@example.com`;
