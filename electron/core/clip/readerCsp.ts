/**
 * The Content-Security-Policy for the view that renders clipped articles
 * (the reader): nothing may load or run except images from the local asset
 * scheme and inline styles the reader itself sets. No script at all, no
 * forms, no <base>, no frames, no connections. In Electron the reader's
 * session also cancels every request that is not a local asset; in the
 * browser harness this header is the barrier (tests/e2e/hostile.spec.ts).
 */
export const READER_CSP = [
  "default-src 'none'",
  'img-src dossier-asset:',
  "style-src 'unsafe-inline'",
  "font-src 'none'",
  "connect-src 'none'",
  "script-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "media-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');
