import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example website (plain HTML, CSS and one JS module, no build step). */
const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'web');

/** The files served; anything else is a 404 (no directory listing, no path arithmetic). */
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/unsubscribe.html': { file: 'unsubscribe.html', type: 'text/html; charset=utf-8' },
  '/unsubscribe.js': { file: 'unsubscribe.js', type: 'text/javascript; charset=utf-8' },
  '/privacy.html': { file: 'privacy.html', type: 'text/html; charset=utf-8' },
  '/privacy.js': { file: 'privacy.js', type: 'text/javascript; charset=utf-8' },
  '/link-page.js': { file: 'link-page.js', type: 'text/javascript; charset=utf-8' },
  '/styles.css': { file: 'styles.css', type: 'text/css; charset=utf-8' },
};

export interface WebServerOptions {
  /** Port on loopback; 0 picks a free one. */
  port: number;
  /** The HTTP API the page talks to (another origin: the browser uses CORS). */
  apiUrl: string;
}

export interface WebServer {
  /** `http://localhost:<port>`: the page's origin, which the API must allow. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves `infra/local/web/` on 127.0.0.1, addressed as `localhost` (the origin the API allows by
 * default). The API's address reaches the page in `/config.js`, written per request. A request
 * naming another host (127.0.0.1, or a rebound DNS name) is redirected to `localhost`, so the
 * page always runs under the one origin CORS knows.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const apiOrigin = new URL(options.apiUrl).origin;
  const security = {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src ${apiOrigin}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  let url = '';

  const server: Server = createServer((req, res) => {
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...security, ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const expectedHost = new URL(url).host;
    if (req.headers.host !== expectedHost) return send(308, '', { location: `${url}${req.url?.startsWith('/') ? req.url : '/'}` });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed', { allow: 'GET, HEAD', 'content-type': 'text/plain' });

    const path = new URL(req.url ?? '/', url).pathname;
    if (path === '/config.js') {
      return send(200, `export const apiUrl = ${JSON.stringify(options.apiUrl)};\n`, { 'content-type': 'text/javascript; charset=utf-8' });
    }
    const entry = FILES[path];
    if (!entry) return send(404, 'Not Found', { 'content-type': 'text/plain' });
    readFile(join(WEB_ROOT, entry.file)).then(
      (content) => send(200, content, { 'content-type': entry.type }),
      (error) => {
        console.error('[web] cannot read', entry.file, error);
        send(500, 'Internal Server Error', { 'content-type': 'text/plain' });
      },
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      url = `http://localhost:${(server.address() as { port: number }).port}`;
      resolve({
        url,
        stop: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
