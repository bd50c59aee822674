import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { OrganizeAction } from './ManageDialog';

const ENTRIES: { action: OrganizeAction; label: string; keys?: string }[] = [
  { action: 'rename', label: 'Rename…', keys: 'F2' },
  { action: 'merge', label: 'Merge into…' },
  { action: 'delete', label: 'Delete…', keys: 'Delete' },
];

/**
 * The context menu of a project or tag in the sidebar (right click, the
 * Menu key or Shift+F10). Arrow keys move, Enter chooses, Escape or Tab or a
 * click elsewhere closes it; the owner puts focus back.
 */
export function NavContextMenu({ x, y, name, onChoose, onClose }: { x: number; y: number; name: string; onChoose(action: OrganizeAction): void; onClose(): void }): ReactNode {
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent): void => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const buttons = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      buttons[(at + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      buttons[event.key === 'Home' ? 0 : buttons.length - 1]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  // Kept inside the window however near its edge the click was.
  const left = Math.max(4, Math.min(x, window.innerWidth - 190));
  const top = Math.max(4, Math.min(y, window.innerHeight - 120));
  return (
    <ul ref={menu} className="nav-menu" role="menu" aria-label={`Actions for ${name}`} data-testid="nav-menu" style={{ left, top }} onKeyDown={onKeyDown}>
      {ENTRIES.map((entry) => (
        <li key={entry.action} role="none">
          <button type="button" role="menuitem" tabIndex={-1} data-action={entry.action} aria-keyshortcuts={entry.keys} onClick={() => onChoose(entry.action)}>
            {entry.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
