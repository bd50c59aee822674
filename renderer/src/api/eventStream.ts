const RETRY_MS = [250, 500, 1000, 2000, 5000];

/**
 * Reads the harness's Server-Sent Events at GET /events with fetch(), so the
 * token travels in a header as for the API (EventSource cannot send headers,
 * and the token must never sit in a URL). One connection, opened on the first
 * listener and reconnected with backoff when the harness goes away; each
 * `data:` line is handed on unparsed (the client validates it).
 */
export function webEventStream(token: string, tokenHeader: string): (listener: (event: unknown) => void) => () => void {
  const listeners = new Set<(event: unknown) => void>();
  let running = false;
  let connectedBefore = false;

  async function connect(attempt: number): Promise<void> {
    try {
      const response = await fetch('events', { headers: { [tokenHeader]: token, Accept: 'text/event-stream' }, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      attempt = 0;
      // Whatever happened while disconnected is unknown: say so, so caches refetch.
      if (connectedBefore) listeners.forEach((listener) => listener({ type: 'library.changed', origin: 'external' }));
      connectedBefore = true;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice('data: '.length))
            .join('\n');
          if (!data) continue;
          let parsed: unknown;
          try {
            parsed = JSON.parse(data);
          } catch {
            continue;
          }
          listeners.forEach((listener) => listener(parsed));
        }
      }
    } catch {
      // The harness stopped or the page is unloading: try again below.
    }
    if (listeners.size === 0) {
      running = false;
      return;
    }
    setTimeout(() => void connect(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
  }

  return (listener) => {
    listeners.add(listener);
    if (!running) {
      running = true;
      void connect(0);
    }
    return () => {
      listeners.delete(listener);
    };
  };
}
