import { protocol } from 'electron';
import { SECURITY_HEADERS, mimeTypeFor } from '../core/csp';
import { readStaticFile } from '../core/staticFiles';

/**
 * The renderer is served from app://dossier/ rather than file://, so it gets a
 * real origin (for sender checks and CSP 'self') and cannot read arbitrary
 * files. Must be called before the app is ready.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const ASSET_SCHEME = 'dossier-asset';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    // Clipped images (dossier-asset:<sha256>), allowed by the CSP's img-src; read from the local store only.
    { scheme: ASSET_SCHEME, privileges: { secure: true } },
  ]);
}

/** Serves dossier-asset:<sha256> from the store: only sniffed image types, never anything remote. */
export function serveAssets(readAsset: (sha256: string) => { mimeType: string; bytes: Uint8Array } | undefined): void {
  protocol.handle(ASSET_SCHEME, (request) => {
    const sha256 = request.url.slice(`${ASSET_SCHEME}:`.length).replace(/^\/+/, '');
    const asset = request.method === 'GET' ? readAsset(sha256) : undefined;
    if (!asset) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(asset.bytes), {
      headers: { 'Content-Type': asset.mimeType, 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox" },
    });
  });
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': mimeTypeFor(file.path), ...SECURITY_HEADERS },
    });
  });
}
