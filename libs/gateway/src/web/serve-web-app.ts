import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

type Handler = (request: Request, response: Response, next: NextFunction) => void;

/** Paths that belong to the server, never to the app: they keep their own answers (and the API key check). */
const SERVER_PATHS = /^\/(api|health|metrics)(\/|$)/;
/** Vite names every built asset after its content hash: one URL, one content, cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app (apps/web, docs/UI.md) at `/`, before the API key check: the app's files are
 * public, the data it shows comes from /api with the key. Hashed assets are cached for good and
 * index.html is revalidated on every load, so a new build is picked up at once. Any other GET that asks for
 * HTML (a reload of /channels, a shared link) gets index.html and the app's router shows the page; requests
 * that do not ask for HTML (curl, fetch) and server paths fall through to the routes as before, so an
 * unknown /api path is still a 401 or 404 in the error envelope.
 */
export function serveWebApp(app: NestExpressApplication, webAppDir: string): void {
  const indexHtml = join(webAppDir, 'index.html');
  const files = express.static(webAppDir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader('Cache-Control', path.startsWith(join(webAppDir, 'assets')) ? IMMUTABLE : 'no-cache');
    },
  });

  app.use(appPathsOnly(files));
  app.use(
    appPathsOnly((request, response, next) => {
      if (!(request.get('accept') ?? '').includes('text/html')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      if (!existsSync(indexHtml)) {
        response
          .status(503)
          .type('text/plain')
          .send('The web app is not built: run `npm run web:build` (or `npm start`).');
        return;
      }
      response.sendFile(indexHtml, { cacheControl: false });
    }),
  );
}

function appPathsOnly(handler: Handler): Handler {
  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path)) return next();
    handler(request, response, next);
  };
}
