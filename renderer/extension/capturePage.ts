/**
 * Runs inside the page (chrome.scripting.executeScript), so it must be one
 * self-contained function: no imports, caps passed as arguments.
 *
 * Captures the page as rendered: a clone of the live DOM after scripts ran,
 * with same-origin images fetched by the page's own session (its cookies, in
 * the content script's world) and inlined as data: URLs within a byte budget;
 * other images stay as links the app will not fetch. The live page is never
 * modified.
 */
export interface PageSnapshot {
  url: string;
  title: string;
  html: string;
  capturedAt: string;
  selection: string;
  /** UTF-8 size of `html`. */
  bytes: number;
}

export async function capturePage(maxPageBytes: number, maxImageBytes: number, maxSelectionChars: number): Promise<PageSnapshot> {
  const capturedAt = new Date().toISOString();
  const selection = String(window.getSelection() ?? '').slice(0, maxSelectionChars + 1);
  const clone = document.documentElement.cloneNode(true) as HTMLElement;
  const utf8 = (text: string): number => new TextEncoder().encode(text).length;
  let budget = maxPageBytes - utf8(clone.outerHTML);
  const inlined = new Map<string, string>();
  for (const img of Array.from(clone.querySelectorAll('img'))) {
    const raw = img.getAttribute('src');
    if (!raw || raw.startsWith('data:')) continue;
    let url: URL;
    try {
      url = new URL(raw, document.baseURI);
    } catch {
      continue;
    }
    if (url.origin !== location.origin) continue;
    let dataUrl = inlined.get(url.href);
    if (dataUrl === undefined) {
      try {
        const response = await fetch(url.href, { credentials: 'include' });
        const blob = response.ok ? await response.blob() : null;
        if (!blob || !blob.type.startsWith('image/') || blob.size > maxImageBytes || blob.size * 1.4 > budget) continue;
        dataUrl = await new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error);
          reader.readAsDataURL(blob);
        });
      } catch {
        continue;
      }
      inlined.set(url.href, dataUrl);
    }
    budget -= dataUrl.length;
    img.setAttribute('src', dataUrl);
    img.removeAttribute('srcset');
  }
  const html = `<!DOCTYPE html>\n${clone.outerHTML}`;
  return { url: location.href, title: document.title, html, capturedAt, selection, bytes: utf8(html) };
}
