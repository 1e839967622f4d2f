import { afterAll, beforeAll, expect } from 'vitest';
import { markOf } from '../../../server/infra/change-marks.ts';
import { ApiClient } from '../../helpers/api-client.ts';
import { startTestHaven, type TestHaven } from '../../helpers/haven.ts';

export interface Member {
  client: ApiClient;
  id: string;
  email: string;
}

/** One real Haven per test file; `ctx.haven` is set before the first test runs. */
export function communityHaven() {
  const ctx = {} as { haven: TestHaven };
  /** Every community response any member of this file received, to check for emails. */
  const seen: string[] = [];
  beforeAll(async () => {
    ctx.haven = await startTestHaven();
  });
  afterAll(async () => {
    await ctx.haven?.close();
  });
  return {
    get haven() {
      return ctx.haven;
    },
    member: (
      roles: string[] = ['participant'],
      extra: { displayName?: string; listed?: boolean } = {},
    ): Promise<Member> => memberOf(ctx.haven, roles, extra, seen),
    /** No email of anyone, in any response a member got outside their own account routes. */
    expectNoEmailsSeen: () => {
      expect(seen.length).toBeGreaterThan(0);
      for (const text of seen) expect(text).not.toMatch(/@example\.org|@haven\.local/);
    },
    /** A raw collection of the test database, to check what was (not) stored. */
    collection: (name: string) => {
      const db = ctx.haven.mongo.connection.db;
      if (!db) throw new Error('not connected');
      return db.collection(name);
    },
  };
}

async function memberOf(
  haven: TestHaven,
  roles: string[],
  extra: { displayName?: string; listed?: boolean },
  seen: string[],
): Promise<Member> {
  // A staff member's name is theirs alone (server/accounts/staff-names.ts).
  const staff = roles.includes('moderator') || roles.includes('admin');
  const member = await signUp(
    haven,
    roles,
    extra.displayName ?? (staff ? `Staff ${process.pid}x${counter}` : 'Sam'),
  );
  const request = member.client.request.bind(member.client);
  member.client.request = async (...args: Parameters<typeof request>) => {
    const response = await request(...args);
    if (!/^\/api\/(me|auth)\b/.test(args[1])) seen.push(response.text);
    return response;
  };
  if (extra.listed) {
    const response = await member.client.patch('/api/me', {
      privacy: { showInGroupMemberLists: true },
    });
    if (response.status !== 200) throw new Error(`privacy update failed: ${response.text}`);
  }
  return member;
}

export const inDays = (days: number, hour = 18) => {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

let counter = 0;

/**
 * Like signUpAs (tests/helpers), but each member registers from its own forwarded
 * address (the app trusts loopback proxies): these files sign up more members than the
 * per-address registration limit allows in an hour.
 */
async function signUp(haven: TestHaven, roles: string[], displayName: string): Promise<Member> {
  const n = counter++;
  const client = new ApiClient(haven.url);
  const email = `${roles.join('-')}-${process.pid}-${Date.now()}-${n}@example.org`;
  // The real path: register, the confirmation email from the catcher, its link.
  const response = await client.signUp(haven.mail, email, {
    displayName,
    headers: { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
  });
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.text}`);
  const id = response.body.user.id as string;
  const roleSet = ['participant', ...roles.filter((role) => role !== 'participant')];
  await haven.haven.services.accountModels.User.updateOne(
    { _id: id },
    { $set: { roles: roleSet } },
  );
  await haven.haven.services.marks.move(markOf.user(id));
  return { client, id, email };
}
