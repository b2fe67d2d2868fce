import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DASHBOARD_HTML } from './dashboard-page.js';

/** The browser build of graphql-ws, served next to the page so the page needs no CDN. */
async function graphqlWsBrowserBuild(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('graphql-ws'));
  let dir = dirname(entry);
  while (!dir.endsWith('graphql-ws')) dir = dirname(dir);
  return readFile(join(dir, 'umd', 'graphql-ws.min.js'), 'utf8');
}

/** Serves `/dashboard` and its script; answers false for any other path. */
export function dashboardRoute(): (
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
) => Promise<boolean> {
  let script: Promise<string> | undefined;
  return async (request, response, path) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (path === '/dashboard' || path === '/dashboard/') {
      response
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy':
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self' ws: wss:",
          'cache-control': 'no-cache',
        })
        .end(DASHBOARD_HTML);
      return true;
    }
    if (path === '/dashboard/graphql-ws.js') {
      script ??= graphqlWsBrowserBuild();
      response
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' })
        .end(await script);
      return true;
    }
    return false;
  };
}
