/**
 * MathML as plain text (its tokens separated by spaces). Readability on
 * linkedom drops <math> elements, and DOMPurify drops foreign-namespace
 * elements with their text; a formula read as text beats a hole in the article.
 */
export function flattenMath(document: Document): void {
  for (const math of Array.from(document.querySelectorAll('math'))) {
    if (!math.isConnected) continue;
    const parts: string[] = [];
    const walker = document.createTreeWalker(math, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.nodeValue?.trim()) parts.push(node.nodeValue.trim());
    const span = document.createElement('span');
    span.textContent = parts.join(' ');
    // MathJax 3 wraps the MathML (its accessible copy) in custom elements whose visible glyphs are CSS:
    // replace the whole wrapper.
    (math.closest('mjx-container') ?? math).replaceWith(span);
  }
}
