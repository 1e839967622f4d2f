import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/infra/config.ts';

describe('configuration', () => {
  it('has working defaults for a fresh machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.allowedOrigins).toContain('http://localhost:3000');
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it('names every bad variable', () => {
    try {
      loadConfig({
        PORT: 'abc',
        REDIS_URL: 'http://nope',
        RTC_MIN_PORT: '50000',
        RTC_MAX_PORT: '40000',
      });
      expect.unreachable('a bad configuration must throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variables).toEqual(
        expect.arrayContaining(['PORT', 'REDIS_URL']),
      );
      expect((error as Error).message).toMatch(/PORT: .*"abc"/);
    }
  });

  it('trusts no proxy unless TRUST_PROXY names one, and never every sender', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    for (const value of ['true', '*', 'example.org', '10.0.0.0/99', '0'])
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
  });

  it('refuses an RTC port range that is upside down', () => {
    expect(() => loadConfig({ RTC_MIN_PORT: '50000', RTC_MAX_PORT: '40000' })).toThrow(
      /RTC_MAX_PORT/,
    );
  });

  it('stops the server with a non-zero exit and the variable name on a bad value', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toContain('not-a-port');
  });
});
