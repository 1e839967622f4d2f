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
