import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { hashInlineContentOfSite } from './inlineHashes.ts';
import { cameOverHttps, securityHeaders, strictTransportSecurity } from './securityHeaders.ts';
import { createStaticHandler } from './staticFiles.ts';

/**
 * A handler offered every request before the static site. It answers and
 * resolves `true`, or leaves the response untouched and resolves `false`.
 * The local Supabase stack (supabase/local) mounts `/rest/v1` and `/auth/v1`
 * this way, so the browser talks to one origin. Security headers are already
 * set on `res` when a mount runs; it may override them (e.g. for JSON).
 */
export type Mount = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface PortalServerOptions {
  /** The built site (`astro build` output). */
  readonly distDir: string;
  readonly mounts?: readonly Mount[];
  /** Called once on `close()`, after in-flight requests finished: close databases opened for the mounts here. */
  readonly onClose?: () => Promise<void>;
  /** Origin of the Supabase API when it is not this server (`PUBLIC_SUPABASE_URL`). */
  readonly supabaseUrl?: string | undefined;
  /** Behind your own proxy (`TRUST_PROXY=1`): believe its `X-Forwarded-Proto` (for HSTS). */
  readonly trustProxy?: boolean | undefined;
}

export interface PortalServer {
  readonly server: Server;
  /** The headers every response carries. */
  readonly headers: Readonly<Record<string, string>>;
  /** Listen; resolves with the URL the portal answers on. */
  listen(port: number, host: string): Promise<string>;
  /** Stop accepting, let in-flight requests finish (at most `graceMs`), then run `onClose`. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The portal's HTTP server: mounts first, then the static site, with the
 * same security headers on every response.
 * @example
 * const portal = await createPortalServer({ distDir: 'dist' });
 * console.log(await portal.listen(4321, 'localhost'));
 */
export async function createPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  const headers = securityHeaders({ inline: await hashInlineContentOfSite(options.distDir), supabaseUrl: options.supabaseUrl });
  const handleStatic = createStaticHandler(options.distDir);
  const mounts = options.mounts ?? [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (cameOverHttps(req, options.trustProxy ?? false)) {
      for (const [name, value] of Object.entries(strictTransportSecurity)) res.setHeader(name, value);
    }
    for (const mount of mounts) if (await mount(req, res)) return;
    await handleStatic(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`[portal] ${req.method} ${req.url}:`, error);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('Internal Server Error\n');
      } else {
        res.destroy();
      }
    });
  });

  let closing: Promise<void> | undefined;
  return {
    server,
    headers,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          const shownHost = host.includes(':') ? `[${host}]` : host;
          resolve(`http://${shownHost}:${actualPort}/`);
        });
      });
    },
    close(graceMs = 10_000) {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await stopped;
        clearTimeout(timer);
        await options.onClose?.();
      })();
      return closing;
    },
  };
}
