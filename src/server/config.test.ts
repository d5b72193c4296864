import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const fresh = () => mkdtempSync(join(tmpdir(), 'docket-config-'));

describe('loadConfig', () => {
  it('when only a data folder is given, then the documented defaults apply and a secret is generated into it', () => {
    const dir = fresh();
    const c = loadConfig({ DOCKET_DATA_DIR: dir });
    expect(c.port).toBe(3000);
    expect(c.smtpPort).toBe(2525);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.logLevel).toBe('info');
    expect(c.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(c.secret);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('when started twice on the same data folder, then the generated secret is reused', () => {
    const dir = fresh();
    expect(loadConfig({ DOCKET_DATA_DIR: dir }).secret).toBe(loadConfig({ DOCKET_DATA_DIR: dir }).secret);
  });

  it('when values are invalid, then every problem is named in one error', () => {
    const run = () =>
      loadConfig({ DOCKET_DATA_DIR: fresh(), PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(run).toThrow(ConfigError);
    try {
      run();
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('LOG_LEVEL');
    }
  });

  it('when the base URL is https, then cookies are marked Secure', () => {
    const c = loadConfig({
      DOCKET_DATA_DIR: fresh(),
      DOCKET_BASE_URL: 'https://docket.example.com/',
      DOCKET_SECRET: 'x'.repeat(40),
    });
    expect(c.secureCookies).toBe(true);
    expect(c.baseUrl).toBe('https://docket.example.com');
    expect(c.secret).toBe('x'.repeat(40));
  });
});
