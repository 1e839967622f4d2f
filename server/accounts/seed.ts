import { hash } from '@node-rs/argon2';
import type { Connection } from 'mongoose';
import { ROLES, type Role } from '../../shared/api/accounts.ts';
import type { SeedContext } from '../infra/seed-context.ts';
import { accountModels } from './models.ts';

export const DEMO_PASSWORD = 'haven-demo';

/** Where each demo account lives, so the directory and groups have people across time zones. */
const DEMO_PROFILES: Record<
  Role,
  { displayName: string; area: Record<string, string>; languages: string[]; timeZone: string }
> = {
  participant: {
    displayName: 'Alex',
    area: { country: 'GB', region: 'England', city: 'Manchester' },
    languages: ['en'],
    timeZone: 'Europe/London',
  },
  facilitator: {
    displayName: 'Maria',
    area: { country: 'ES', region: 'Madrid', city: 'Madrid' },
    languages: ['es', 'en'],
    timeZone: 'Europe/Madrid',
  },
  trainer: {
    displayName: 'Jordan',
    area: { country: 'US', region: 'Ohio', city: 'Cleveland' },
    languages: ['en'],
    timeZone: 'America/New_York',
  },
  champion: {
    displayName: 'Dr. Priya',
    area: { country: 'GB', region: 'England', city: 'London' },
    languages: ['en'],
    timeZone: 'Europe/London',
  },
  moderator: {
    displayName: 'Luis',
    area: { country: 'MX', region: 'CDMX', city: 'Ciudad de México' },
    languages: ['es'],
    timeZone: 'America/Mexico_City',
  },
  advisor: {
    displayName: 'Prof. Chen',
    area: { country: 'AU', region: 'NSW', city: 'Sydney' },
    languages: ['en'],
    timeZone: 'Australia/Sydney',
  },
  admin: {
    displayName: 'Board',
    area: { country: 'US', region: 'Ohio', city: 'Mentor' },
    languages: ['en', 'es'],
    timeZone: 'America/New_York',
  },
};

/** Creates `<role>@haven.local` for every role (password `haven-demo`). Never in production. */
export async function seedAccounts(connection: Connection): Promise<SeedContext> {
  if (process.env.NODE_ENV === 'production')
    throw new Error('demo accounts are never created in production');
  const { User } = accountModels(connection);
  const passwordHash = await hash(DEMO_PASSWORD);
  const createUser: SeedContext['createUser'] = async (fields) => {
    const user = await User.create({
      roles: ['participant'],
      languages: [],
      timeZone: 'UTC',
      ...fields,
      passwordHash,
      // Demo people are members, who confirmed their address when they signed up.
      emailVerifiedAt: new Date(),
      privacy: { showInGroupMemberLists: true, showArea: true },
    });
    return String(user._id);
  };
  const people = {} as Record<Role, string>;
  for (const role of ROLES) {
    const profile = DEMO_PROFILES[role];
    // Staff roles also take part; a facilitator is still a participant in others' meetings.
    const roles: Role[] = role === 'participant' ? ['participant'] : ['participant', role];
    people[role] = await createUser({ email: `${role}@haven.local`, ...profile, roles });
  }
  return { connection, people, createUser, partnerIds: [] };
}
