/**
 * What happens when the user follows a link found in clipped content or a
 * note. Articles are written by strangers, so a link is data, not a command:
 * only web addresses may leave the app, only to the system browser, and only
 * after a confirmation that shows the real host (IDNs in their punycode
 * form, so `аpple.com` with a Cyrillic "а" shows as `xn--pple-43d.com`).
 * Everything else — file:, smb:, UNC paths, javascript:, data:, custom
 * schemes that launch local programs (ms-msdt:, vscode:, …) — is refused.
 *
 * Pure function: used by the Electron main process before shell.openExternal
 * and by the renderer to decide what to show; unit-tested in
 * tests/unit/security/linkPolicy.test.ts.
 */
export type LinkDecision =
  | {
      action: 'confirm';
      /** The normalized address that will be opened, exactly (show it in full). */
      url: string;
      /** The host as the browser will resolve it: ASCII, IDNs as punycode. */
      host: string;
      /** Reasons to look twice, shown in the confirmation. */
      warnings: string[];
    }
  | { action: 'refuse'; reason: string };

export const MAX_LINK_LENGTH = 8192;

const PRIVATE_HOST = [
  /^localhost$/,
  /\.localhost$/,
  /\.local$/,
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\./,
  /^\[(::1?|f[cd][0-9a-f]*:.*|fe80:.*)\]$/i,
];

export function decideExternalLink(raw: unknown): LinkDecision {
  if (typeof raw !== 'string' || raw.trim() === '') return refuse('The link is empty.');
  if (raw.length > MAX_LINK_LENGTH) return refuse('The link is too long to be a real address.');
  const text = raw.trim();
  if (/^(\\\\|\/\/)/.test(text) || /^[a-z]:[\\/]/i.test(text)) {
    return refuse('Links to files or network shares are never opened from Dossier.');
  }
  // Control characters and whitespace inside an address are how spoofed and smuggled links are built.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(text)) return refuse('The link contains hidden or control characters.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('The link is not a complete web address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(`Only web links (http and https) are opened; this one is "${url.protocol.replace(/:$/, '')}:".`);
  }
  if (url.username !== '' || url.password !== '') {
    return refuse('The link hides a user name or password before its host, a common disguise; it is not opened.');
  }
  const host = url.hostname;
  if (host === '') return refuse('The link has no host.');
  const warnings: string[] = [];
  if (url.protocol === 'http:') warnings.push('Not encrypted (http): anyone on the network can see or change the page.');
  if (host.split('.').some((label) => label.startsWith('xn--'))) {
    warnings.push('The address uses international characters; check that the host is the one you expect.');
  }
  if (PRIVATE_HOST.some((pattern) => pattern.test(host))) {
    warnings.push('The address points to this computer or your local network.');
  }
  return { action: 'confirm', url: url.href, host, warnings };
}

function refuse(reason: string): LinkDecision {
  return { action: 'refuse', reason };
}
