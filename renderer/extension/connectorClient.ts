import { CONNECTOR_PATHS, type CaptureOutcome } from '../../shared/connector/protocol';
import type { Delivery, QueuedCapture } from './queue';

/**
 * Talks to the app's connector on 127.0.0.1. The browser adds the extension's
 * Origin itself (the connector checks it); the token goes in Authorization.
 */
type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function post(port: number, path: string, body: unknown, token?: string): Promise<{ status: number; answer: Answer } | { unreachable: string }> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { unreachable: 'Dossier is not running (or its connector is off).' };
  }
  try {
    return { status: response.status, answer: (await response.json()) as Answer };
  } catch {
    return { status: response.status, answer: { ok: false, error: { code: 'internal', message: `Dossier answered ${response.status} without a readable body.` } } };
  }
}

export async function sendCapture(port: number, token: string | undefined, item: QueuedCapture): Promise<Delivery> {
  if (!token) return { kind: 'unpaired', message: 'Pair this browser with Dossier first.' };
  const reply = await post(port, CONNECTOR_PATHS.capture, { action: item.action, capture: item.capture }, token);
  if ('unreachable' in reply) return { kind: 'unreachable', message: reply.unreachable };
  if (reply.status === 401) return { kind: 'unpaired', message: reply.answer.ok ? 'Pair this browser with Dossier.' : reply.answer.error.message };
  if (!reply.answer.ok) return { kind: 'refused', message: reply.answer.error.message };
  return { kind: 'delivered', outcome: reply.answer.value as CaptureOutcome };
}

/** How the app lists this extension once paired ("Dossier Clipper in Firefox"). */
export function extensionName(userAgent: string): string {
  const browser = /Firefox\//.test(userAgent) ? 'Firefox' : /Edg\//.test(userAgent) ? 'Edge' : /Chrome\//.test(userAgent) ? 'Chrome' : 'a browser';
  const os = /Windows/.test(userAgent) ? ' on Windows' : /Mac OS X|Macintosh/.test(userAgent) ? ' on macOS' : /Linux|X11/.test(userAgent) ? ' on Linux' : '';
  return `Dossier Clipper in ${browser}${os}`;
}

export async function pair(port: number, code: string): Promise<{ token: string } | { error: string }> {
  const reply = await post(port, CONNECTOR_PATHS.pair, { code, name: extensionName(navigator.userAgent) });
  if ('unreachable' in reply) return { error: reply.unreachable };
  if (!reply.answer.ok) return { error: reply.answer.error.message };
  return reply.answer.value as { token: string };
}
