import { beforeAll, describe, expect, it } from 'vitest';
import { ENQUIRIES_PER_HOUR } from '../../../server/programme/index.ts';
import { ApiClient } from '../../helpers/api-client.ts';
import { allLogs, havenPerFile, member, models, visitor } from './helpers.ts';

const haven = havenPerFile();
const DAY = 24 * 60 * 60 * 1000;
let admin: { client: ApiClient; id: string };
let addressSeq = 0;
/** Each test writes from its own address (the server trusts X-Forwarded-For from loopback). */
const newAddress = () => `203.0.113.${(addressSeq++ % 250) + 1}`;

beforeAll(async () => {
  admin = await member(haven(), ['admin'], 'Board');
});

const enquiry = (overrides: Record<string, unknown> = {}) => ({
  kind: 'organisation',
  name: 'Priya Shah',
  email: `priya.${addressSeq}@housing.example.org`,
  organisation: 'Riverside Housing',
  message: 'We would like to host a weekly meeting for our tenants in recovery.',
  ...overrides,
});

async function send(body: Record<string, unknown>, address = newAddress(), client?: ApiClient) {
  const sender = client ?? (await visitor(haven()));
  return sender.post('/api/enquiries', body, { 'x-forwarded-for': address });
}

describe('POST /api/enquiries', () => {
  it('takes an enquiry without an account, kept for a year at most', async () => {
    const email = 'policy.maker@council.example.org';
    const response = await send(
      enquiry({ kind: 'policy-maker', email: 'Policy.Maker@Council.example.org' }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ received: true });
    const stored = await models(haven()).Enquiry.findOne({ email }).lean();
    expect(stored).toMatchObject({ kind: 'policy-maker', status: 'new', answeredById: null });
    const keptFor = (stored?.expiresAt.getTime() ?? 0) - Date.now();
    expect(keptFor).toBeGreaterThan(364 * DAY);
    expect(keptFor).toBeLessThanOrEqual(365 * DAY);
  });

  it('has the database delete expired enquiries (TTL index on expiresAt)', async () => {
    await models(haven()).Enquiry.init();
    const indexes = await models(haven()).Enquiry.collection.indexes();
    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }),
      ]),
    );
  });

  it('still needs the CSRF token', async () => {
    const before = await models(haven()).Enquiry.countDocuments();
    const response = await new ApiClient(haven().url).post('/api/enquiries', enquiry());
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CSRF');
    expect(await models(haven()).Enquiry.countDocuments()).toBe(before);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = await models(haven()).Enquiry.countDocuments();
    const response = await send({
      kind: 'journalist',
      name: '',
      email: 'not-an-email',
      message: 'hi',
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual([
      'email',
      'kind',
      'message',
      'name',
    ]);
    const injected = await send(enquiry({ email: { $gt: '' } }));
    expect(injected.status).toBe(400);
    const extra = await send(enquiry({ status: 'answered' }));
    expect(extra.status).toBe(400);
    expect(await models(haven()).Enquiry.countDocuments()).toBe(before);
  });

  it(`limits each address to ${ENQUIRIES_PER_HOUR} an hour`, async () => {
    const address = newAddress();
    const client = await visitor(haven());
    const before = await models(haven()).Enquiry.countDocuments();
    for (let i = 0; i < ENQUIRIES_PER_HOUR; i++) {
      expect((await send(enquiry(), address, client)).status).toBe(201);
    }
    const limited = await send(enquiry(), address, client);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(await models(haven()).Enquiry.countDocuments()).toBe(before + ENQUIRIES_PER_HOUR);
    expect((await send(enquiry(), newAddress(), client)).status).toBe(201);
  });
});

describe('admins answer enquiries', () => {
  it('lets only admins list them (401 for visitors, 403 for other roles)', async () => {
    expect((await (await visitor(haven())).get('/api/enquiries')).status).toBe(401);
    const others = await member(haven(), [
      'moderator',
      'advisor',
      'trainer',
      'champion',
      'facilitator',
    ]);
    const response = await others.client.get('/api/enquiries');
    expect(response.status).toBe(403);
    expect(response.text).not.toContain('@');
  });

  it('lists newest first, filtered by status and paged', async () => {
    await send(enquiry({ name: 'Newest Sender' }));
    const first = await admin.client.get('/api/enquiries?status=new&limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items[0]).toMatchObject({ name: 'Newest Sender', status: 'new' });
    const next = await admin.client.get(
      `/api/enquiries?status=new&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await admin.client.get('/api/enquiries?status=lost')).status).toBe(400);
  });

  it('records who answered and when, shortens retention on close, refuses non-admins', async () => {
    await send(enquiry({ name: 'Answer Me' }));
    const [target] = (await admin.client.get('/api/enquiries?limit=1')).body.items;
    const other = await member(haven(), ['moderator']);
    const refused = await other.client.patch(`/api/enquiries/${target.id}`, { status: 'closed' });
    expect(refused.status).toBe(403);
    expect((await models(haven()).Enquiry.findById(target.id).lean())?.status).toBe('new');

    const since = Date.now();
    const answered = await admin.client.patch(`/api/enquiries/${target.id}`, {
      status: 'answered',
      reply: 'Thank you, we have emailed you.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.enquiry).toMatchObject({
      status: 'answered',
      reply: 'Thank you, we have emailed you.',
      answeredById: admin.id,
      answeredBy: { displayName: 'Board' },
    });
    expect(Date.parse(answered.body.enquiry.answeredAt)).toBeGreaterThanOrEqual(since - 1000);

    const closed = await admin.client.patch(`/api/enquiries/${target.id}`, { status: 'closed' });
    expect(Date.parse(closed.body.enquiry.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * DAY);
    expect(closed.body.enquiry.reply).toBe('Thank you, we have emailed you.');
    const bad = await admin.client.patch(`/api/enquiries/${target.id}`, { status: 'spam' });
    expect(bad.status).toBe(400);
    expect(
      (await admin.client.patch('/api/enquiries/0123456789abcdef01234567', { status: 'closed' }))
        .status,
    ).toBe(404);
  });

  it('forgets which admin answered when that admin deletes their account', async () => {
    const leaving = await member(haven(), ['admin']);
    await send(enquiry({ name: 'Answered By Leaver' }));
    const [target] = (await leaving.client.get('/api/enquiries?limit=1')).body.items;
    await leaving.client.patch(`/api/enquiries/${target.id}`, {
      status: 'answered',
      reply: 'Done.',
    });
    expect((await leaving.client.get('/api/me/export')).body.enquiryAnswers).toEqual([
      expect.objectContaining({ enquiryId: target.id, reply: 'Done.' }),
    ]);
    expect((await leaving.client.delete('/api/me')).status).toBe(204);
    const after = (await admin.client.get('/api/enquiries?limit=1')).body.items[0];
    expect(after).toMatchObject({
      id: target.id,
      answeredById: null,
      answeredBy: null,
      reply: 'Done.',
    });
  });

  it('never logs an email address or a message', () => {
    const logs = allLogs(haven());
    expect(logs).not.toContain('example.org');
    expect(logs).not.toContain('weekly meeting');
  });
});
