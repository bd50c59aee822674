import { describe, expect, it } from 'vitest';
import { deliverQueue, enqueue, QueueFullError, singleFlight, type Delivery, type QueuedCapture, type QueueStorage } from '../../../renderer/extension/queue';
import { MAX_CAPTURE_QUEUE } from '../../../shared/limits';

function memoryStorage(): QueueStorage & { items: QueuedCapture[] } {
  const store = {
    items: [] as QueuedCapture[],
    read: async () => structuredClone(store.items),
    write: async (items: QueuedCapture[]) => void (store.items = structuredClone(items)),
  };
  return store;
}

const item = (n: number): QueuedCapture => ({
  id: `c${n}`,
  action: 'clip',
  capture: { url: `https://example.org/${n}`, title: `Page ${n}`, html: `<p>${n}</p>`, capturedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() },
});

const delivered: Delivery = { kind: 'delivered', outcome: { status: 'clipped', articleId: 1, versionId: 1, title: 't', error: null } };

describe('the extension queue', () => {
  it('delivers oldest first, one at a time, and empties', async () => {
    const storage = memoryStorage();
    for (const n of [1, 2, 3]) await enqueue(storage, item(n));
    const sent: string[] = [];
    const reports = await deliverQueue(storage, async (i) => {
      sent.push(i.id);
      return delivered;
    });
    expect(sent).toEqual(['c1', 'c2', 'c3']);
    expect(reports.map((r) => r.item.capture.capturedAt)).toEqual([item(1), item(2), item(3)].map((i) => i.capture.capturedAt));
    expect(storage.items).toEqual([]);
  });

  it('stops at the first unreachable or unpaired answer and keeps that capture and every later one', async () => {
    for (const stop of ['unreachable', 'unpaired'] as const) {
      const storage = memoryStorage();
      for (const n of [1, 2, 3]) await enqueue(storage, item(n));
      const sent: string[] = [];
      await deliverQueue(storage, async (i) => {
        sent.push(i.id);
        return i.id === 'c2' ? { kind: stop, message: 'down' } : delivered;
      });
      expect(sent).toEqual(['c1', 'c2']);
      expect(storage.items.map((i) => i.id)).toEqual(['c2', 'c3']);
    }
  });

  it('a capture the app refuses leaves the queue (with its message) and the rest is still delivered', async () => {
    const storage = memoryStorage();
    for (const n of [1, 2]) await enqueue(storage, item(n));
    const reports = await deliverQueue(storage, async (i) => (i.id === 'c1' ? { kind: 'refused', message: 'too large' } : delivered));
    expect(reports.map((r) => r.delivery.kind)).toEqual(['refused', 'delivered']);
    expect(storage.items).toEqual([]);
  });

  it('a capture queued during delivery joins the end and is delivered in the same pass', async () => {
    const storage = memoryStorage();
    await enqueue(storage, item(1));
    const sent: string[] = [];
    await deliverQueue(storage, async (i) => {
      sent.push(i.id);
      if (i.id === 'c1') await enqueue(storage, item(2));
      return delivered;
    });
    expect(sent).toEqual(['c1', 'c2']);
  });

  it('refuses a capture when the queue is full, never dropping an older one', async () => {
    const storage = memoryStorage();
    storage.items = Array.from({ length: MAX_CAPTURE_QUEUE }, (_, n) => item(n));
    await expect(enqueue(storage, item(9999))).rejects.toBeInstanceOf(QueueFullError);
    expect(storage.items).toHaveLength(MAX_CAPTURE_QUEUE);
    expect(storage.items[0]!.id).toBe('c0');
  });

  it('singleFlight: two deliveries never overlap, so no capture is sent twice at once', async () => {
    const storage = memoryStorage();
    for (const n of [1, 2, 3]) await enqueue(storage, item(n));
    const sent: string[] = [];
    let inFlight = 0;
    const run = singleFlight(() =>
      deliverQueue(storage, async (i) => {
        inFlight++;
        expect(inFlight).toBe(1);
        await new Promise((r) => setTimeout(r, 5));
        sent.push(i.id);
        inFlight--;
        return delivered;
      }),
    );
    await Promise.all([run(), run(), run()]);
    expect(sent).toEqual(['c1', 'c2', 'c3']);
  });
});
