import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/** Where SwaggerModule serves Swagger UI (api-docs.ts): its page and its assets. */
export const API_DOCS_PATH = '/api/docs';

/**
 * The Content Security Policy of the web app served at `/`: its scripts, styles and fonts from the
 * gateway only and never inline, images from the gateway or data: URLs, fetch and EventSource to the
 * gateway only, no plugins, no framing, forms and <base> to the gateway. helmet's defaults are not
 * used: they add `upgrade-insecure-requests`, which breaks a product served over plain HTTP on a LAN
 * address (the browser would ask for every asset over HTTPS), and allow inline styles everywhere.
 */
const APP_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Swagger UI's page has an inline <style> block and React sets style attributes: its pages, and only
 * they, may use inline styles. Its scripts are files under /api/docs, so scripts stay 'self' only.
 */
const API_DOCS_POLICY = { ...APP_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] };

const headersWith = (directives: typeof APP_POLICY) =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // The API and the app are same-origin; nothing here is meant to be embedded by other sites.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });

/**
 * helmet's security headers on every answer (X-Content-Type-Options, X-Frame-Options, Referrer-Policy,
 * Cross-Origin-*-Policy, Strict-Transport-Security for when a TLS proxy is in front...), with the
 * policy above, relaxed for Swagger UI's pages alone. See docs/SECURITY.md.
 */
export function useSecurityHeaders(app: NestExpressApplication): void {
  const forApp = headersWith(APP_POLICY);
  const forApiDocs = headersWith(API_DOCS_POLICY);
  app.use((req: IncomingMessage & { path?: string }, res: ServerResponse, next: (error?: unknown) => void) => {
    const path = req.path ?? req.url ?? '';
    const docs = path === API_DOCS_PATH || path.startsWith(`${API_DOCS_PATH}/`);
    (docs ? forApiDocs : forApp)(req, res, next);
  });
}
