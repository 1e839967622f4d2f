import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../server/infra/errors.ts';
import { KEY_FILE_NAME, loadSlipKeys } from '../../../../server/meetings/attendance-slips/keys.ts';
import {
  attendedMinutes,
  canRequestSlip,
  meetingLocalDate,
  SlipSigner,
} from '../../../../server/meetings/attendance-slips/signer.ts';
import { slipStatementSchema } from '../../../../shared/api/attendance.ts';

const request = {
  meetingTitle: 'Tuesday evening open meeting',
  meetingType: 'open' as const,
  date: '2030-05-07',
  minutes: 55,
  name: 'Alex Example',
};

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'haven-slips-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const b64url = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

function tamper(slip: string, change: (statement: Record<string, unknown>) => void): string {
  const [kid, payload, signature] = slip.split('.') as [string, string, string];
  const statement = decode(payload);
  change(statement);
  return `${kid}.${b64url(JSON.stringify(statement))}.${signature}`;
}

describe('attendance slips: signing and verifying', () => {
  it('signs a statement that verifies and says what was asked', () => {
    const signer = SlipSigner.ephemeral();
    const slip = signer.issue(request);
    const result = signer.verify(slip);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.statement).toMatchObject({ v: 1, ...request });
    expect(slipStatementSchema.safeParse(result.statement).success).toBe(true);
    expect(result.statement.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Date.parse(result.statement.issuedAt)).not.toBeNaN();
  });

  it('gives two slips for the same attendance different ids', () => {
    const signer = SlipSigner.ephemeral();
    const a = signer.verify(signer.issue(request));
    const b = signer.verify(signer.issue(request));
    expect(a.valid && b.valid && a.statement.id !== b.statement.id).toBe(true);
  });

  it('trims the name and refuses names with control or direction characters', () => {
    const signer = SlipSigner.ephemeral();
    const result = signer.verify(signer.issue({ ...request, name: '  Alex  ' }));
    expect(result.valid && result.statement.name).toBe('Alex');
    for (const name of ['', '   ', 'a\nb', 'x\u202Eevil', 'y'.repeat(81)])
      expect(() => signer.issue({ ...request, name })).toThrow(AppError);
  });

  it('refuses a slip whose minutes or name were changed', () => {
    const signer = SlipSigner.ephemeral();
    const slip = signer.issue(request);
    expect(signer.verify(tamper(slip, (s) => (s.minutes = 90)))).toEqual({
      valid: false,
      reason: 'signature',
    });
    expect(signer.verify(tamper(slip, (s) => (s.name = 'Someone Else')))).toEqual({
      valid: false,
      reason: 'signature',
    });
  });

  it('refuses a slip signed by another key', () => {
    const slip = SlipSigner.ephemeral().issue(request);
    expect(SlipSigner.ephemeral().verify(slip)).toEqual({ valid: false, reason: 'key' });
  });

  it('refuses a slip that claims our key id with another key’s signature', () => {
    const ours = SlipSigner.ephemeral();
    const theirs = SlipSigner.ephemeral();
    const [, payload, signature] = theirs.issue(request).split('.');
    expect(ours.verify(`${ours.keyId}.${payload}.${signature}`)).toEqual({
      valid: false,
      reason: 'signature',
    });
  });

  it('answers "format" for slips of the right shape that are not slips', () => {
    const signer = SlipSigner.ephemeral();
    const slip = signer.issue(request);
    const [kid, payload] = slip.split('.') as [string, string];
    expect(signer.verify(`${kid}.${payload}.AAAA`)).toEqual({ valid: false, reason: 'format' });
    expect(signer.verify(`abc.${payload}.${slip.split('.')[2]}`)).toEqual({
      valid: false,
      reason: 'format',
    });
  });

  it('accepts slips signed by a previous key listed in the configuration', () => {
    const old = SlipSigner.ephemeral();
    const slip = old.issue(request);
    const current = new SlipSigner(
      loadSlipKeys({
        dataDir: dataDir(),
        production: false,
        previousPublicKeys: old.publicKeyPem(),
      }),
    );
    expect(current.verify(slip).valid).toBe(true);
    expect(current.issue(request).startsWith(current.keyId)).toBe(true);
    expect(current.keyId).not.toBe(old.keyId);
  });

  it('will not sign for less than the minimum minutes', () => {
    const signer = SlipSigner.ephemeral({ minMinutes: 30 });
    expect(() => signer.issue({ ...request, minutes: 29 })).toThrow(AppError);
    expect(canRequestSlip(29 * 60_000, 30)).toBe(false);
    expect(canRequestSlip(30 * 60_000, 30)).toBe(true);
    expect(attendedMinutes(59_999)).toBe(0);
    expect(attendedMinutes(61_000)).toBe(1);
  });

  it('dates a slip by the meeting’s own time zone', () => {
    const instant = new Date('2030-05-08T03:30:00Z');
    expect(meetingLocalDate(instant, 'America/Lima')).toBe('2030-05-07');
    expect(meetingLocalDate(instant, 'Europe/Madrid')).toBe('2030-05-08');
  });
});

describe('attendance slips: keys', () => {
  it('generates a key into the data folder once (mode 0600) and reuses it after a restart', () => {
    const dir = dataDir();
    const first = new SlipSigner(loadSlipKeys({ dataDir: dir, production: false }));
    const file = join(dir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const slip = first.issue(request);
    const again = new SlipSigner(loadSlipKeys({ dataDir: dir, production: false }));
    expect(again.publicKeyPem()).toBe(first.publicKeyPem());
    expect(again.verify(slip).valid).toBe(true);
    expect(loadSlipKeys({ dataDir: dir, production: false }).source).toBe('file');
  });

  it('uses the configured key, PEM or base64 DER, and writes no file', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const expected = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const configured of [pem, der]) {
      const dir = dataDir();
      const keys = loadSlipKeys({ dataDir: dir, production: true, configuredKey: configured });
      expect(keys.source).toBe('config');
      expect(new SlipSigner(keys).publicKeyPem()).toBe(expected);
      expect(() => statSync(join(dir, KEY_FILE_NAME))).toThrow();
    }
  });

  it('refuses a configured key that is not Ed25519 without repeating it', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const configured of [pem, 'not a key at all']) {
      try {
        loadSlipKeys({ dataDir: dataDir(), production: false, configuredKey: configured });
        expect.unreachable('a bad key must throw');
      } catch (error) {
        expect((error as Error).message).toMatch(/ATTENDANCE_SIGNING_KEY/);
        const sample = configured.length > 60 ? configured.slice(30, 60) : configured;
        expect((error as Error).message).not.toContain(sample);
      }
    }
  });

  it('refuses to start in production without a configured key, and generates nothing', () => {
    const dir = dataDir();
    expect(() => loadSlipKeys({ dataDir: dir, production: true })).toThrow(
      /ATTENDANCE_SIGNING_KEY/,
    );
    expect(() => statSync(join(dir, KEY_FILE_NAME))).toThrow();
  });

  it('never overwrites a key file another process wrote first', () => {
    const dir = dataDir();
    const a = loadSlipKeys({ dataDir: dir, production: false });
    const before = readFileSync(join(dir, KEY_FILE_NAME), 'utf8');
    const b = loadSlipKeys({ dataDir: dir, production: false });
    expect(readFileSync(join(dir, KEY_FILE_NAME), 'utf8')).toBe(before);
    expect(b.keyId).toBe(a.keyId);
  });
});

describe('attendance slips: configuration', () => {
  it('reads the minimum minutes (default 30) and keeps the key out of error messages', async () => {
    const { loadConfig } = await import('../../../../server/infra/config.ts');
    expect(loadConfig({}).ATTENDANCE_SLIP_MIN_MINUTES).toBe(30);
    expect(loadConfig({ ATTENDANCE_SLIP_MIN_MINUTES: '45' }).ATTENDANCE_SLIP_MIN_MINUTES).toBe(45);
    expect(() => loadConfig({ ATTENDANCE_SLIP_MIN_MINUTES: '0' })).toThrow(
      /ATTENDANCE_SLIP_MIN_MINUTES/,
    );
    expect(loadConfig({ ATTENDANCE_SIGNING_KEY: 'anything' }).ATTENDANCE_SIGNING_KEY).toBe(
      'anything',
    );
  });
});
