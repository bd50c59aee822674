import type { CaptureAction, CaptureOutcome, PageCapture } from '../../shared/connector/protocol';
import { MAX_CAPTURE_QUEUE } from '../../shared/limits';

/**
 * The extension's outbox. Every capture is put here first (with its capture
 * time) and delivered to the app in order, oldest first, one at a time; it
 * leaves the queue only when the app has answered for it. When the app is not
 * running (or the browser is not paired) delivery stops and the rest waits for
 * the next try, so nothing is lost. Delivery is at least once: a worker killed
 * between the app's answer and the removal sends that capture again, and the
 * app's clip pipeline reports the repeat as "already in the library".
 *
 * Plain functions over a storage interface, so the ordering rules are
 * unit-tested without a browser (tests/unit/connector/queue.test.ts).
 */
export interface QueuedCapture {
  id: string;
  action: CaptureAction;
  capture: PageCapture;
}

export interface QueueStorage {
  read(): Promise<QueuedCapture[]>;
  write(items: QueuedCapture[]): Promise<void>;
}

/** What happened when one capture was offered to the app. */
export type Delivery =
  | { kind: 'delivered'; outcome: CaptureOutcome }
  /** The app answered with an error for this capture (invalid, too large…): it leaves the queue with that message. */
  | { kind: 'refused'; message: string }
  /** The app is not running: stop, keep everything. */
  | { kind: 'unreachable'; message: string }
  /** The app runs but this browser is not paired (or was revoked): stop, keep everything. */
  | { kind: 'unpaired'; message: string };

export interface DeliveryReport {
  item: QueuedCapture;
  delivery: Delivery;
}

export class QueueFullError extends Error {}

/** Appends a capture; refuses (never drops an older one) when MAX_CAPTURE_QUEUE are already waiting. */
export async function enqueue(storage: QueueStorage, item: QueuedCapture): Promise<number> {
  const items = await storage.read();
  if (items.length >= MAX_CAPTURE_QUEUE) {
    throw new QueueFullError(`${items.length} captures are already waiting for Dossier: start Dossier so they can be delivered, then clip again.`);
  }
  items.push(item);
  await storage.write(items);
  return items.length;
}

/**
 * Delivers the queue in order. Reads the head afresh before each send (a
 * capture queued meanwhile joins the end) and removes exactly the item sent.
 * Returns what happened to each capture it offered; stops at the first
 * unreachable/unpaired answer.
 */
export async function deliverQueue(storage: QueueStorage, send: (item: QueuedCapture) => Promise<Delivery>): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (;;) {
    const head = (await storage.read())[0];
    if (!head) return reports;
    const delivery = await send(head);
    reports.push({ item: head, delivery });
    if (delivery.kind === 'unreachable' || delivery.kind === 'unpaired') return reports;
    await storage.write((await storage.read()).filter((item) => item.id !== head.id));
  }
}

/** One delivery at a time per process: a second caller waits for the running one, then runs its own pass. */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return async () => {
    while (running) await running.catch(() => undefined);
    running = run();
    try {
      return await running;
    } finally {
      running = null;
    }
  };
}
