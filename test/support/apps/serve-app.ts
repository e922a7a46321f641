import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

/** Anything with a fetch handler, such as the app `createApp` returns. */
interface Fetchable {
  fetch: (request: Request) => Response | Promise<Response>;
}

/**
 * Serves an app over real HTTP on a free port of 127.0.0.1, for browsers and HTTP clients.
 *
 * @example
 * const served = await serveApp(app); await fetch(`${served.url}/healthz`); await served.close();
 */
export async function serveApp(app: Fetchable): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
    s.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
