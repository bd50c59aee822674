import { describe, expect, it } from 'vitest';
import { decideExternalLink } from '../../../shared/links/linkPolicy';

describe('link policy (T11)', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'example.org'],
    ['http://example.org', 'example.org'],
    ['  https://Example.ORG/path  ', 'example.org'],
    ['https://münchen.de/', 'xn--mnchen-3ya.de'],
    ['https://аpple.com/', 'xn--pple-43d.com'],
    ['https://[2001:db8::1]/', '[2001:db8::1]'],
  ])('%s needs confirmation that shows the host %s', (link, host) => {
    const decision = decideExternalLink(link);
    expect(decision).toMatchObject({ action: 'confirm', host });
  });

  it('shows punycode hosts with a warning, and the exact normalized URL that will be opened', () => {
    const decision = decideExternalLink('https://аpple.com/login');
    expect(decision).toEqual({
      action: 'confirm',
      url: 'https://xn--pple-43d.com/login',
      host: 'xn--pple-43d.com',
      warnings: [expect.stringMatching(/international characters/)],
    });
    expect(decideExternalLink('http://192.168.1.1/admin')).toMatchObject({
      action: 'confirm',
      warnings: [expect.stringMatching(/Not encrypted/), expect.stringMatching(/local network/)],
    });
  });

  it.each([
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'file://server/share/doc.pdf',
    'smb://server/share',
    '\\\\server\\share\\doc.docx',
    '//server/share',
    'C:\\Users\\me\\secret.txt',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\u0000script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.org/uuid',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'mailto:source@example.org',
    'tel:+15551234',
    'ftp://example.org/x',
    'ws://example.org/',
    'chrome://settings',
    'app://dossier/index.html',
    'dossier-asset://abc',
    'https://bank.example@evil.example/',
    'https://user:pw@example.org/',
    'https://exa mple.org/',
    'https://example.org/\u202egnp.exe',
    'example.org',
    '/relative/path',
    '',
    '   ',
    `https://example.org/${'a'.repeat(9000)}`,
  ])('refuses %j', (link) => {
    expect(decideExternalLink(link)).toMatchObject({ action: 'refuse', reason: expect.any(String) });
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.org']]) {
      expect(decideExternalLink(value)).toMatchObject({ action: 'refuse' });
    }
  });
});
