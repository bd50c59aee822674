import { setDOMUnmanaged } from 'lexical';

let chipIds = 0;

/** DOM pieces shared by the two quote nodes. The chip's text is filled in by QuotePlugin once the passage is known. */
export function createCitationChip(tag: 'figcaption' | 'sup', passageId: number | null): HTMLElement {
  const chip = document.createElement(tag);
  chip.className = 'quote-chip';
  chip.contentEditable = 'false';
  chip.dataset.passageId = String(passageId ?? '');
  chip.setAttribute('role', 'link');
  // Reachable by Tab, so the full citation shows on focus as on hover.
  chip.tabIndex = 0;
  const label = document.createElement('span');
  label.className = 'quote-chip-source';
  label.textContent = passageId === null ? 'unlinked quote' : 'source…';
  const flag = document.createElement('span');
  flag.className = 'quote-flag';
  // The full citation: shown on hover and focus (CSS), and the chip's accessible description.
  const full = document.createElement('span');
  full.className = 'quote-chip-citation';
  full.id = `quote-citation-${++chipIds}`;
  full.setAttribute('role', 'tooltip');
  chip.setAttribute('aria-describedby', full.id);
  chip.append(label, flag, full);
  // Not Lexical's: its mutation observer must leave the chip's text (filled in later) alone, and a click there is no caret.
  setDOMUnmanaged(chip, { captureSelection: true });
  return chip;
}

/** The mouse path to a paragraph beside a block quote (the keyboard path: Enter or ↑ at its start, ↓ at its end). */
export function createParagraphButton(where: 'before' | 'after'): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `dq-add dq-add-${where}`;
  button.dataset.where = where;
  button.contentEditable = 'false';
  button.tabIndex = -1;
  button.textContent = '+';
  button.setAttribute('aria-label', where === 'before' ? 'New paragraph above this quote' : 'New paragraph below this quote');
  button.title = where === 'before' ? 'New paragraph above' : 'New paragraph below';
  setDOMUnmanaged(button, { captureSelection: true });
  return button;
}

export function readPassageId(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

export function passageIdFromDom(element: HTMLElement): number | null {
  const raw = element.dataset.dossierPassageId;
  return raw !== undefined && /^\d+$/.test(raw) ? readPassageId(Number(raw)) : null;
}
