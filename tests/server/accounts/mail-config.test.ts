import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/infra/config.ts';

describe('mail configuration', () => {
  it('takes an smtp:// or smtps:// SMTP_URL and a From, with defaults', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://user:pass@mail.example.org:465' });
    expect(config.SMTP_URL).toBe('smtps://user:pass@mail.example.org:465');
    expect(config.MAIL_FROM).toBe('Haven <no-reply@haven.local>');
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
  });

  it('refuses an SMTP_URL that is not SMTP', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(ConfigError);
  });
});
