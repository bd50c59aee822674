import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../electron/core/clip/sanitizeConfig';
import { ARTICLE_HTML_POLICY, articlePurifyConfig } from '../../../shared/html/articleHtmlPolicy';
import { expandVector, loadXssVectors } from '../../helpers/hostile';

/**
 * The article HTML policy is one allowlist for both passes. The clip-time pass
 * is electron/core/clip/sanitizeConfig.ts (its hooks included); the render-time
 * pass is the policy's DOMPurify config plus the reader's hooks, which only touch
 * <img src> and <a rel> (renderer/src/features/reader/sanitize.ts, run for real
 * in Chromium by tests/e2e/readerHostile.spec.ts). Here the render pass is the
 * policy's config on DOMPurify/jsdom, so a denylist at render time, or a policy
 * the two passes read differently, fails.
 */
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const renderPass = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
const render = (html: string): string => renderPass.sanitize(html, articlePurifyConfig()) as unknown as string;
const allowedTags = new Set<string>(ARTICLE_HTML_POLICY.allowedTags);
const allowedAttrs = new Set<string>(ARTICLE_HTML_POLICY.allowedAttributes);

function outsidePolicy(html: string): string[] {
  const template = window.document.createElement('template');
  template.innerHTML = html;
  const problems: string[] = [];
  for (const element of template.content.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (!allowedTags.has(tag)) problems.push(`<${tag}>`);
    for (const attr of element.attributes) if (!allowedAttrs.has(attr.name)) problems.push(`${attr.name} on <${tag}>`);
  }
  return problems;
}

describe('article HTML policy: one allowlist at clip time and at render time', () => {
  it('the render pass is an allowlist: markup a denylist would let through is removed', () => {
    const html =
      '<details open><summary>s</summary>d</details><marquee>m</marquee><custom-el>c</custom-el><font color="red">f</font>' +
      '<p style="color:red" class="c" id="i" data-x="1" aria-label="l" tabindex="0" contenteditable="true">text</p>' +
      '<a href="#top">anchor</a><a href="ftp://x.example/">ftp</a><a href="https://ok.example/" target="_blank" ping="https://p.example/">ok</a>' +
      '<img src="dossier-asset:' + 'a'.repeat(64) + '" srcset="https://x.example/1.png 2x" alt="kept">';
    const out = render(html);
    expect(outsidePolicy(out)).toEqual([]);
    expect(out).toContain('text');
    expect(out).not.toMatch(/href="#top"|ftp:|target=|ping=|srcset=/);
    expect(out).toContain('href="https://ok.example/"');
    expect(out).toContain(`src="dossier-asset:${'a'.repeat(64)}"`);
  });

  it('every hostile vector comes out of each pass inside the policy, and clipped HTML renders unchanged', () => {
    for (const vector of loadXssVectors()) {
      const raw = expandVector(vector, 'http://127.0.0.1:9');
      const clipped = sanitizeArticleHtml(raw);
      expect(outsidePolicy(clipped), `vector ${vector.id} at clip time`).toEqual([]);
      expect(outsidePolicy(render(raw)), `vector ${vector.id} at render time`).toEqual([]);
      // What the clipper stored is inside the render-time policy: the reader drops nothing of it.
      expect(render(clipped), `vector ${vector.id} re-rendered`).toBe(clipped);
    }
  });

  it('both passes remove the same forbidden elements with their content', () => {
    for (const tag of ARTICLE_HTML_POLICY.forbiddenWithContent) {
      if (['head', 'title', 'frame', 'frameset', 'base', 'meta', 'link', 'embed', 'input', 'source', 'track'].includes(tag)) continue; // void, or never built inside a body
      const html = `<p>before</p><${tag}>SECRET-${tag}</${tag}><p>after</p>`;
      expect(render(html), tag).not.toContain('SECRET');
      expect(sanitizeArticleHtml(html), tag).not.toContain('SECRET');
    }
  });
});
