import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;
const STEP = 5;

const clamp = (value: number): number => Math.round(Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, value)));

/**
 * The desk's divider (WAI-ARIA window splitter): drag it, or focus it and use
 * ←/→ (5 %), Home/End (narrowest/widest note). `value` is the note's share of
 * the desk's width, in percent.
 */
export function SplitSeparator({ value, onChange, label }: { value: number; onChange(value: number): void; label: string }): ReactNode {
  const dragging = useRef(false);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next =
      event.key === 'ArrowLeft' ? value - STEP : event.key === 'ArrowRight' ? value + STEP : event.key === 'Home' ? SPLIT_MIN : event.key === 'End' ? SPLIT_MAX : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next));
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!dragging.current) return;
    const box = event.currentTarget.parentElement!.getBoundingClientRect();
    onChange(clamp(((event.clientX - box.left) / box.width) * 100));
  };

  return (
    <div
      className="desk-separator"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      aria-valuenow={value}
      aria-valuetext={`Note ${value} %, reader ${100 - value} %`}
      tabIndex={0}
      data-testid="desk-separator"
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
    />
  );
}

export function clampSplit(value: number): number {
  return clamp(value);
}
