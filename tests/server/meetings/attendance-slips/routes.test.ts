import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlipSigner } from '../../../../server/meetings/attendance-slips/signer.ts';
import { SLIP_SIGNING_CONTEXT, verifySlipResponse } from '../../../../shared/api/attendance.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';

// The public verification endpoint on a whole Haven: it answers from the slip alone and
// leaves no trace of the slip or the name in MongoDB or the logs.
let haven: TestHaven;
let signer: SlipSigner;
const NAME = 'Ramona Quintero-Verifytest';

beforeAll(async () => {
  haven = await startTestHaven();
  signer = haven.haven.attendanceSlips;
});
afterAll(async () => {
  await haven?.close();
});

const slipFor = (name = NAME) =>
  signer.issue({
    meetingTitle: 'Reunión abierta de los martes',
    meetingType: 'open',
    date: '2030-05-07',
    minutes: 45,
    name,
  });

async function verify(slip: string) {
  const response = await fetch(
    `${haven.url}/api/attendance/verify?slip=${encodeURIComponent(slip)}`,
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function databaseSnapshot() {
  const db = haven.mongo.connection.db;
  if (!db) throw new Error('no database');
  const collections = (await db.listCollections().toArray()).map((c) => c.name).sort();
  const counts: Record<string, number> = {};
  // The mail outbox empties in the background (sign-up's confirmation emails leaving).
  for (const name of collections)
    if (name !== 'mailoutboxes') counts[name] = await db.collection(name).countDocuments();
  return { collections, counts };
}

describe('GET /api/attendance/verify', () => {
  it('says what a valid slip states', async () => {
    const { status, body } = await verify(slipFor());
    expect(status).toBe(200);
    const parsed = verifySlipResponse.parse(body);
    expect(parsed.valid && parsed.statement).toMatchObject({
      name: NAME,
      minutes: 45,
      meetingTitle: 'Reunión abierta de los martes',
      meetingType: 'open',
      date: '2030-05-07',
    });
  });

  it('answers 200 with a reason for a well-formed slip that does not check out', async () => {
    const slip = slipFor();
    const [kid, payload, signature] = slip.split('.') as [string, string, string];
    const statement = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    statement.minutes = 240;
    const forged = `${kid}.${Buffer.from(JSON.stringify(statement)).toString('base64url')}.${signature}`;
    expect(await verify(forged)).toEqual({
      status: 200,
      body: { valid: false, reason: 'signature' },
    });
    const other = SlipSigner.ephemeral().issue({
      meetingTitle: 'x',
      meetingType: 'open',
      date: '2030-05-07',
      minutes: 45,
      name: 'x',
    });
    expect((await verify(other)).body).toEqual({ valid: false, reason: 'key' });
  });

  it('refuses garbage and oversized input with INVALID_INPUT', async () => {
    for (const slip of ['', 'hello', 'a.b', 'a.b.c.d', '<script>.x.y', `a.${'b'.repeat(3000)}.c`]) {
      const { status, body } = await verify(slip);
      expect(status, slip.slice(0, 20)).toBe(400);
      expect((body.error as { code: string }).code).toBe('INVALID_INPUT');
    }
    const missing = await fetch(`${haven.url}/api/attendance/verify`);
    expect(missing.status).toBe(400);
  });

  it('writes nothing to MongoDB and logs no name or slip', async () => {
    const before = await databaseSnapshot();
    const slip = slipFor();
    await verify(slip);
    await verify(`${slip.slice(0, -2)}AA`);
    await verify(`${slip}x`.repeat(2));
    await fetch(`${haven.url}/attendance/verify?slip=${slip}`);
    const after = await databaseSnapshot();
    expect(after).toEqual(before);
    const logged = JSON.stringify(haven.logLines());
    expect(logged).not.toContain(NAME);
    expect(logged).not.toContain(slip.split('.')[1]?.slice(0, 40));
  });

  it('is not cached by browsers or proxies', async () => {
    const response = await fetch(`${haven.url}/api/attendance/verify?slip=${slipFor()}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/attendance/public-key', () => {
  it('serves the PEM public key that verifies slips offline', async () => {
    const response = await fetch(`${haven.url}/api/attendance/public-key`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-pem-file/);
    const pem = await response.text();
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const slip = slipFor();
    const cut = slip.lastIndexOf('.');
    const ok = verifySignature(
      null,
      Buffer.from(`${SLIP_SIGNING_CONTEXT}${slip.slice(0, cut)}`, 'utf8'),
      createPublicKey(pem),
      Buffer.from(slip.slice(cut + 1), 'base64url'),
    );
    expect(ok).toBe(true);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${haven.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/attendance/verify', '/attendance/public-key']),
    );
  });
});
