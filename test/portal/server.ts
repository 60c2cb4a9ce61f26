import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FILES, indexPage, PAGES } from './pages';

export interface Portal {
  port: number;
  /** A page's URL under a *.gov.cn name; Chromium maps *.gov.cn to 127.0.0.1. */
  url(path: string, host?: string): string;
  /** Requests per path since the server started: tests check what a resumed batch fetches again. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

/** Serves the demo portal on 127.0.0.1 only, for every host name. */
export async function startPortal(port = 0): Promise<Portal> {
  const requests = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let path = new URL(req.url ?? '/', 'http://x').pathname;
    // /csp/…: the same page under the strictest Content-Security-Policy a portal may send (no script, no connection).
    const csp = path.startsWith('/csp/');
    if (csp) path = path.slice('/csp'.length);
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const file = FILES[path];
    if (file) return void res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body());
    const page = path === '/' ? indexPage : PAGES[path];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...(csp && { 'content-security-policy': STRICT_CSP }),
      })
      .end(page());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: (path, host = 'www.demo.gov.cn') => `http://${host}:${actual}${path}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
