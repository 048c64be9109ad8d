import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';

/**
 * `npm run dev`: mounts the local Supabase-compatible API (supabase/local) on
 * Astro's dev server, so islands call `/rest/v1` and `/auth/v1` on the same
 * origin as in `npm start`, with hot reload intact. Builds never open the
 * database: Vite's `configureServer` only runs for the dev server.
 */
export function localStackIntegration(): AstroIntegration {
  return {
    name: 'zeri-local-stack',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        if (process.env['PUBLIC_SUPABASE_URL'] || process.env['LOCAL_STACK'] === 'off') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'zeri-local-stack',
                async configureServer(server) {
                  const { createStack } = await import('../../supabase/local/stack.ts');
                  const { describeStack } = await import('../../supabase/local/banner.ts');
                  const stack = await createStack();
                  server.httpServer?.once('close', () => void stack.close());
                  server.httpServer?.once('listening', () => {
                    const address = server.httpServer?.address();
                    const port = typeof address === 'object' && address ? address.port : 4321;
                    describeStack(stack, `http://localhost:${port}`).then((banner) => logger.info(banner), logger.error);
                  });
                  // Astro unshifts its own middleware (trailing slash, route guard) in
                  // its post hook; this later post hook puts the API in front of them.
                  return () => {
                    server.middlewares.stack.unshift({
                      route: '',
                      handle: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
                        stack.handle(req, res).then((handled) => handled || next(), next);
                      },
                    });
                  };
                },
              },
            ],
          },
        });
      },
    },
  };
}
