import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../../../renderer/src/features/notes/autosaver';

describe('Autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('debounces: one write, with the latest data, after the quiet period', async () => {
    const writes: string[] = [];
    const saver = new Autosaver(300);
    for (const text of ['a', 'ab', 'abc']) {
      saver.schedule({ key: 'content:1', noteId: 1, run: async () => void writes.push(text) });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(writes).toEqual([]);
    expect(saver.statusOf(1)).toBe('pending');
    await vi.advanceTimersByTimeAsync(300);
    expect(writes).toEqual(['abc']);
    expect(saver.statusOf(1)).toBe('saved');
  });

  it('writes each edit to the note it was made in, even when flushed after a switch', async () => {
    const writes: Array<[number, string]> = [];
    const saver = new Autosaver(300);
    const save = (noteId: number, text: string) => ({ key: `content:${noteId}`, noteId, run: async () => void writes.push([noteId, text]) });
    saver.schedule(save(1, 'typed in one'));
    saver.schedule(save(2, 'typed in two'));
    await saver.flushAll();
    expect(writes).toEqual([[1, 'typed in one'], [2, 'typed in two']]);
  });

  it('runs writes one at a time, in order, and says "saved" only after the write resolved', async () => {
    const order: string[] = [];
    let release!: () => void;
    const saver = new Autosaver(10);
    saver.schedule({ key: 'k1', noteId: 1, run: () => new Promise<void>((r) => { order.push('start 1'); release = () => { order.push('end 1'); r(); }; }) });
    await vi.advanceTimersByTimeAsync(10);
    saver.schedule({ key: 'k2', noteId: 1, run: async () => void order.push('run 2') });
    await vi.advanceTimersByTimeAsync(10);
    expect(saver.statusOf(1)).toBe('saving');
    expect(order).toEqual(['start 1']);
    release();
    await saver.flushAll();
    expect(order).toEqual(['start 1', 'end 1', 'run 2']);
    expect(saver.statusOf(1)).toBe('saved');
  });

  it('keeps a failed write, reports "error", and retries it on the next flush', async () => {
    let fail = true;
    const writes: string[] = [];
    const errors: unknown[] = [];
    const saver = new Autosaver(10, (e) => errors.push(e));
    saver.schedule({ key: 'k', noteId: 7, run: async () => { if (fail) throw new Error('disk full'); writes.push('ok'); } });
    await saver.flushAll();
    expect(saver.statusOf(7)).toBe('error');
    expect(saver.hasUnsavedWork()).toBe(true);
    expect(errors).toHaveLength(1);
    fail = false;
    await saver.flushNote(7);
    expect(writes).toEqual(['ok']);
    expect(saver.statusOf(7)).toBe('saved');
    expect(saver.hasUnsavedWork()).toBe(false);
  });

  it('discards the pending edits of a deleted note only', async () => {
    const writes: number[] = [];
    const saver = new Autosaver(10);
    saver.schedule({ key: 'a', noteId: 1, run: async () => void writes.push(1) });
    saver.schedule({ key: 'b', noteId: 2, run: async () => void writes.push(2) });
    saver.discardNote(1);
    await saver.flushAll();
    expect(writes).toEqual([2]);
  });

  it('flushAllNow sends queued and pending writes at once, not behind a request still in flight (a closing tab)', async () => {
    const sent: string[] = [];
    const saver = new Autosaver(300);
    // A rename whose request never completes (the page is going away).
    saver.schedule({ key: 'title:1', noteId: 1, run: () => new Promise<void>(() => void sent.push('rename')) });
    void saver.flushAll();
    await vi.advanceTimersByTimeAsync(0);
    // Typed just before closing: queued behind the rename by an earlier flush, and one still pending.
    saver.schedule({ key: 'content:1', noteId: 1, run: async () => void sent.push('content 1') });
    void saver.flushAll();
    saver.schedule({ key: 'content:2', noteId: 2, run: async () => void sent.push('content 2') });
    expect(sent).toEqual(['rename']);
    void saver.flushAllNow();
    await vi.advanceTimersByTimeAsync(0);
    // Both contents go out now; the rename still in flight is sent again (an unload may cancel the first).
    expect([...sent].sort()).toEqual(['content 1', 'content 2', 'rename', 'rename']);
    expect(saver.statusOf(2)).toBe('saved');
  });

  it('flushAllNow re-sends the newest write of a key that is in flight (an unload may cancel it) and never an older one after it', async () => {
    const sent: string[] = [];
    const saver = new Autosaver(300);
    saver.schedule({ key: 'content:1', noteId: 1, run: () => new Promise<void>(() => void sent.push('v1')) });
    void saver.flushAll();
    await vi.advanceTimersByTimeAsync(0);
    saver.schedule({ key: 'content:3', noteId: 3, run: () => new Promise<void>(() => void sent.push('three')) });
    void saver.flushAll();
    await vi.advanceTimersByTimeAsync(0);
    // content:1 v2 is queued behind the in-flight v1 and v3 is pending: of content:1, only v3 may go out now.
    saver.schedule({ key: 'content:1', noteId: 1, run: async () => void sent.push('v2') });
    void saver.flushAll();
    saver.schedule({ key: 'content:1', noteId: 1, run: async () => void sent.push('v3') });
    void saver.flushAllNow();
    await vi.advanceTimersByTimeAsync(0);
    // v3 supersedes the queued v2 (dropped); content:3 was only queued, so it goes out now too.
    expect([...sent].sort()).toEqual(['three', 'v1', 'v3']);
  });
});
