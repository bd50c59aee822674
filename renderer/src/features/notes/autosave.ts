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
