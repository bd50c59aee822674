import { transport } from '../../api/client';

const ASSET = /^dossier-asset:([0-9a-f]{64})$/;

/**
 * Stored article HTML references images as `dossier-asset:<sha256>`. Electron
 * serves that scheme from the local store; the browser harness serves the same
 * bytes at /asset/<sha256> (same origin, cookie-gated). Either way the image
 * comes from the local store only: anything else was removed when clipping.
 */
export function articleHtmlForDisplay(html: string): string {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const match = ASSET.exec(img.getAttribute('src') ?? '');
    if (!match) img.remove();
    else if (transport === 'web') img.setAttribute('src', `/asset/${match[1]}`);
    img.setAttribute('loading', 'lazy');
  }
  for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
    link.setAttribute('rel', 'noopener noreferrer');
    link.setAttribute('target', '_blank');
  }
  return doc.body.innerHTML;
}
