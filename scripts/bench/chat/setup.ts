// The bench's group: accounts, their sessions, one group and its memberships, written straight
// into Haven's database through Haven's own models and SessionService. Registering 500 people
// through the API would take minutes behind the per-address registration limit and measure
// nothing the issue asks about; what is measured (a session cookie resolved at the socket's
// handshake, membership checked on every send, delivery) is Haven's own path all the same.
import type { Connection } from 'mongoose';
import { accountModels } from '../../../server/accounts/models.ts';
import { SESSION_COOKIE, SessionService } from '../../../server/accounts/sessions.ts';
import { groupModels } from '../../../server/community/groups/models.ts';
import { foldKey } from '../../../server/community/shared.ts';

export interface BenchGroup {
  groupId: string;
  /** The account that sends every line (also a member, and the group's founder). */
  sender: { id: string; cookie: string };
  /** One per receiving member, in order: `Cookie` header values. */
  members: Array<{ id: string; cookie: string }>;
}

const FIRST_NAMES = ['Ana', 'Ben', 'Chidi', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jo'];
const CHUNK = 50;

export async function createBenchGroup(
  connection: Connection,
  memberCount: number,
  runId: string,
): Promise<BenchGroup> {
  const { User } = accountModels(connection);
  const { Group, Membership } = groupModels(connection);
  const sessions = new SessionService(accountModels(connection));
  // insertMany runs the schema's validate hooks, so each account gets its name key as
  // sign-up gives it; the password hash is a placeholder: nobody signs in with a password.
  const users = await User.insertMany(
    Array.from({ length: memberCount + 1 }, (_, i) => ({
      email: `bench-chat-${runId}-${i}@example.org`,
      passwordHash: 'bench-chat: no password',
      displayName: i === 0 ? 'Bench sender' : `${FIRST_NAMES[i % FIRST_NAMES.length]} ${i}`,
      roles: ['participant'],
    })),
  );
  const ids = users.map((u) => String(u._id));
  const senderId = users[0]?._id;
  if (!senderId) throw new Error('no accounts were inserted');
  const name = `Bench chat group ${runId}`;
  const group = await Group.create({
    name,
    nameKey: foldKey(name),
    description: 'The chat benchmark group.',
    language: 'en',
    kind: 'area',
    area: { country: 'AU', city: 'Sydney', cityKey: foldKey('Sydney') },
    createdBy: senderId,
    moderatorIds: [senderId],
  });
  await Membership.insertMany(users.map((u) => ({ groupId: group._id, userId: u._id })));
  const cookies: string[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const made = await Promise.all(
      ids.slice(start, start + CHUNK).map((id) => sessions.create(id)),
    );
    cookies.push(...made.map((s) => `${SESSION_COOKIE}=${s.token}`));
  }
  return {
    groupId: String(group._id),
    sender: { id: String(senderId), cookie: cookies[0] ?? '' },
    members: ids.slice(1).map((id, i) => ({ id, cookie: cookies[i + 1] ?? '' })),
  };
}
