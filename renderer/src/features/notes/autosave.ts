import { onFlushRequest } from '../../api/client';
import { Autosaver } from './autosaver';

/**
 * The app's one autosaver. 300 ms of quiet after the last keystroke, plus the
 * round trip, keeps "saved" within 500 ms. Work is also flushed when the window
 * loses focus or is hidden, on note switch (NotesWorkspace), and when the main
 * process asks before closing or quitting.
 */
export const autosaver = new Autosaver(300, (error, job) => {
  console.error(`Saving note ${job.noteId} failed`, error);
});

onFlushRequest(() => autosaver.flushAll());
// A page going away (a browser tab closing) cannot wait for anything: send the newest write of every
// key now, including those queued behind a request still in flight. Registered after the harness
// bridge's own pagehide listener (created when api/client loads), so these requests use keepalive.
window.addEventListener('pagehide', () => void autosaver.flushAllNow());
window.addEventListener('blur', () => void autosaver.flushAll());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void autosaver.flushAll();
});
window.addEventListener('beforeunload', (event) => {
  // In a browser tab the keepalive flush on pagehide still runs; this asks the
  // user to wait only while a save is actually in flight or pending.
  if (autosaver.hasUnsavedWork()) {
    void autosaver.flushAll();
    event.preventDefault();
  }
});
