import { describe, expect, it } from 'vitest';
import { httpsLinkSchema, webLinkSchema } from '../../shared/api/links.ts';

describe('links', () => {
  it.each([
    'example.com',
    'http://',
    '//x',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://files.example/a',
    'https://a@b.example',
    'https://user:secret@b.example/x',
    'https://b.example\\evil',
    'https://127.0.0.1/admin',
    'https://localhost:3000/',
    'https://b.example/a b',
    'https://b.example/\u202Eexe',
    '',
  ])('refuses %j without throwing', (value) => {
    expect(webLinkSchema.safeParse(value).success).toBe(false);
  });

  it('stores a link normalised: scheme and host in lower case, the path as the browser sends it', () => {
    expect(webLinkSchema.parse('  HTTPS://Example.ORG/Path?q=1#top ')).toBe(
      'https://example.org/Path?q=1#top',
    );
    expect(webLinkSchema.parse('http://example.org')).toBe('http://example.org/');
    expect(webLinkSchema.parse('https://xn--caf-dma.example/caf%C3%A9')).toBe(
      'https://xn--caf-dma.example/caf%C3%A9',
    );
  });

  it('keeps crisis links to https', () => {
    expect(httpsLinkSchema.safeParse('http://help.example').success).toBe(false);
    expect(httpsLinkSchema.parse('https://help.example/now')).toBe('https://help.example/now');
  });
});
