import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from '../../../../shared/meetings/agenda.ts';
import { signUpAs } from '../../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../../helpers/haven.ts';
import { meetingsOf, onlineMeeting } from './fixtures.ts';

/** A meeting's agenda (its timed segments) kept with the meeting through the directory's API. */

let haven: TestHaven;
beforeAll(async () => {
  haven = await startTestHaven();
});
afterAll(async () => {
  await haven.close();
});

const ownAgenda = [
  { kind: 'welcome', minutes: 5 },
  { kind: 'checkin', title: 'Round of names', minutes: 20 },
  { kind: 'custom', title: 'Reading', minutes: 10 },
  { kind: 'checkout', minutes: 10 },
];

describe('a meeting’s agenda', () => {
  it('is the standard one until the facilitator sets their own, and back with null', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const created = (await client.post('/api/meetings', onlineMeeting())).body.meeting;
    expect(created.agenda).toEqual(DEFAULT_AGENDA);
    const edited = await client.patch(`/api/meetings/${created.id}`, { agenda: ownAgenda });
    expect(edited.status).toBe(200);
    expect(edited.body.meeting.agenda).toEqual(ownAgenda);
    expect((await client.get(`/api/meetings/${created.id}`)).body.meeting.agenda).toEqual(
      ownAgenda,
    );
    const reset = await client.patch(`/api/meetings/${created.id}`, { agenda: null });
    expect(reset.body.meeting.agenda).toEqual(DEFAULT_AGENDA);
    expect((await meetingsOf(haven).findById(created.id).lean())?.agenda).toBeNull();
  });

  it('is kept from creation', async () => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const created = await client.post('/api/meetings', onlineMeeting({ agenda: ownAgenda }));
    expect(created.status).toBe(201);
    expect(created.body.meeting.agenda).toEqual(ownAgenda);
  });

  it.each([
    ['a custom segment without a title', [{ kind: 'custom', minutes: 5 }]],
    ['no segment', []],
    ['a segment of no minutes', [{ kind: 'welcome', minutes: 0 }]],
    ['an unknown kind', [{ kind: 'sermon', minutes: 5 }]],
    ['21 segments', Array.from({ length: 21 }, () => ({ kind: 'working', minutes: 2 }))],
    ['an operator for a title', [{ kind: 'custom', title: { $gt: '' }, minutes: 5 }]],
  ])('refuses %s with INVALID_INPUT and changes nothing', async (_, agenda) => {
    const { client } = await signUpAs(haven, ['facilitator']);
    const created = (await client.post('/api/meetings', onlineMeeting())).body.meeting;
    const response = await client.patch(`/api/meetings/${created.id}`, { agenda });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect((await meetingsOf(haven).findById(created.id).lean())?.agenda ?? null).toBeNull();
  });

  it('is the meeting’s facilitators’ to change', async () => {
    const owner = await signUpAs(haven, ['facilitator']);
    const other = await signUpAs(haven, ['participant']);
    const created = (await owner.client.post('/api/meetings', onlineMeeting())).body.meeting;
    const response = await other.client.patch(`/api/meetings/${created.id}`, { agenda: ownAgenda });
    expect(response.status).toBe(403);
    expect((await meetingsOf(haven).findById(created.id).lean())?.agenda ?? null).toBeNull();
  });
});
