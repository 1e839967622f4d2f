import { DateTime } from 'luxon';
import type { Role } from '../../shared/api/accounts.ts';
import type { CreateEventInput, CreateGroupInput } from '../../shared/api/community.ts';
import { accountModels } from '../accounts/models.ts';
import { UserDirectory } from '../accounts/user-directory.ts';
import type { SeedContext } from '../infra/seed-context.ts';
import { eventModels } from './events/models.ts';
import { EventService } from './events/service.ts';
import { feedbackModels } from './feedback/models.ts';
import { FeedbackService } from './feedback/service.ts';
import { groupModels } from './groups/models.ts';
import { GroupService } from './groups/service.ts';
import { postModels } from './posts/models.ts';
import { PostService } from './posts/service.ts';
import { seedFeedback, seedPosts } from './seed-content.ts';
import type { Actor } from './shared.ts';

/** Demo members beyond the one-per-role accounts, so groups have people in them. */
const EXTRA_MEMBERS = {
  callum: {
    displayName: 'Callum',
    roles: ['participant', 'facilitator'],
    area: { country: 'GB', region: 'England', city: 'Manchester' },
    languages: ['en'],
    timeZone: 'Europe/London',
  },
  sofia: {
    displayName: 'Sofía',
    roles: ['participant'],
    area: { country: 'ES', region: 'Madrid', city: 'Madrid' },
    languages: ['es'],
    timeZone: 'Europe/Madrid',
  },
  elena: {
    displayName: 'Elena',
    roles: ['participant'],
    area: { country: 'ES', region: 'Madrid', city: 'Alcalá de Henares' },
    languages: ['es'],
    timeZone: 'Europe/Madrid',
  },
  mike: {
    displayName: 'Mike',
    roles: ['participant', 'facilitator'],
    area: { country: 'US', region: 'Ohio', city: 'Cleveland' },
    languages: ['en'],
    timeZone: 'America/New_York',
  },
  dan: {
    displayName: 'Dan',
    roles: ['participant'],
    area: { country: 'US', region: 'Ohio', city: 'Lakewood' },
    languages: ['en'],
    timeZone: 'America/New_York',
  },
  carmen: {
    displayName: 'Carmen',
    roles: ['participant'],
    area: { country: 'MX', region: 'CDMX', city: 'Ciudad de México' },
    languages: ['es'],
    timeZone: 'America/Mexico_City',
  },
  aisha: {
    displayName: 'Aisha',
    roles: ['participant', 'facilitator'],
    area: { country: 'AU', region: 'NSW', city: 'Sydney' },
    languages: ['en'],
    timeZone: 'Australia/Sydney',
  },
  mei: {
    displayName: 'Mei',
    roles: ['participant'],
    area: { country: 'AU', region: 'NSW', city: 'Parramatta' },
    languages: ['en'],
    timeZone: 'Australia/Sydney',
  },
  // Joins groups but keeps the default privacy: shows how hidden members are only counted.
  jamie: {
    displayName: 'Jamie',
    roles: ['participant'],
    area: { country: 'GB', region: 'England', city: 'Salford' },
    languages: ['en'],
    timeZone: 'Europe/London',
  },
  quickfix: {
    displayName: 'QuickFix',
    roles: ['participant'],
    area: {},
    languages: ['en'],
    timeZone: 'UTC',
  },
} satisfies Record<
  string,
  {
    displayName: string;
    roles: Role[];
    area: Record<string, string>;
    languages: string[];
    timeZone: string;
  }
>;

export type SeedPeople = Record<Role | keyof typeof EXTRA_MEMBERS, Actor>;

export interface SeedServices {
  groups: GroupService;
  events: EventService;
  posts: PostService;
  feedback: FeedbackService;
  models: ReturnType<typeof postModels> & ReturnType<typeof feedbackModels>;
}

/** Demo records for this feature; see server/seed.ts. Goes through the services, so every rule holds. */
export async function seedCommunity(ctx: SeedContext): Promise<void> {
  const users = new UserDirectory(accountModels(ctx.connection));
  const groups = new GroupService(groupModels(ctx.connection), users);
  const posts = postModels(ctx.connection);
  const feedback = feedbackModels(ctx.connection);
  const services: SeedServices = {
    groups,
    events: new EventService(eventModels(ctx.connection), users, groups),
    posts: new PostService(posts, users),
    feedback: new FeedbackService(feedback, users),
    models: { ...posts, ...feedback },
  };
  const people = await seedPeople(ctx);
  await seedGroupsAndEvents(services, people);
  await seedPosts(services, people);
  await seedFeedback(services, people);
}

async function seedPeople(ctx: SeedContext): Promise<SeedPeople> {
  const people = {} as SeedPeople;
  for (const [role, id] of Object.entries(ctx.people) as Array<[Role, string]>) {
    people[role] = { id, roles: role === 'participant' ? ['participant'] : ['participant', role] };
  }
  for (const [key, profile] of Object.entries(EXTRA_MEMBERS)) {
    const id = await ctx.createUser({ email: `community.${key}@haven.local`, ...profile });
    people[key as keyof typeof EXTRA_MEMBERS] = { id, roles: profile.roles };
  }
  await accountModels(ctx.connection).User.updateOne(
    { _id: people.jamie.id },
    { $set: { 'privacy.showInGroupMemberLists': false } },
  );
  return people;
}

/** A local time some days from now, where the event happens, as a UTC instant. */
const localTime = (zone: string, days: number, hour: number, minute = 0) =>
  DateTime.now()
    .setZone(zone)
    .plus({ days })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toUTC()
    .toJSDate();

type GroupSeed = CreateGroupInput & { by: Actor; members: Actor[]; moderators?: Actor[] };

async function seedGroupsAndEvents(s: SeedServices, p: SeedPeople): Promise<void> {
  const groupSeeds: Record<string, GroupSeed> = {
    manchester: {
      by: p.callum,
      members: [p.participant, p.champion, p.jamie],
      moderators: [p.participant],
      name: 'Manchester SMART Community',
      kind: 'area',
      language: 'en',
      timeZone: 'Europe/London',
      area: { country: 'GB', region: 'England', city: 'Manchester' },
      description:
        'For anyone going to SMART meetings in and around Manchester. We swap tips, organise walks and the odd curry night, and look out for each other between meetings.',
    },
    madrid: {
      by: p.facilitator,
      members: [p.sofia, p.elena],
      moderators: [p.sofia],
      name: 'Comunidad SMART Madrid',
      kind: 'area',
      language: 'es',
      timeZone: 'Europe/Madrid',
      area: { country: 'ES', region: 'Madrid', city: 'Madrid' },
      description:
        'Un espacio para quienes vamos a las reuniones SMART en Madrid: compartimos herramientas, quedamos para pasear por El Retiro y nos apoyamos entre reuniones.',
    },
    cleveland: {
      by: p.mike,
      members: [p.trainer, p.dan, p.admin],
      name: 'Cleveland Recovery Neighbors',
      kind: 'area',
      language: 'en',
      timeZone: 'America/New_York',
      area: { country: 'US', region: 'Ohio', city: 'Cleveland' },
      description:
        'Neighbors in recovery across Greater Cleveland. Coffee after the Tuesday meeting, lakefront walks in summer, and a warm welcome for newcomers all year.',
    },
    cdmx: {
      by: p.moderator,
      members: [p.carmen],
      name: 'Comunidad SMART Ciudad de México',
      kind: 'area',
      language: 'es',
      timeZone: 'America/Mexico_City',
      area: { country: 'MX', region: 'CDMX', city: 'Ciudad de México' },
      description:
        'Participantes de SMART en la Ciudad de México. Organizamos encuentros, compartimos lecturas y celebramos cada paso, por pequeño que sea.',
    },
    sydney: {
      by: p.aisha,
      members: [p.mei, p.advisor],
      name: 'Sydney SMART Friends',
      kind: 'area',
      language: 'en',
      timeZone: 'Australia/Sydney',
      area: { country: 'AU', region: 'NSW', city: 'Sydney' },
      description:
        'SMART participants around Sydney. Harbour walks, picnics in the Botanic Garden and a standing invitation to bring a friend.',
    },
    family: {
      by: p.admin,
      members: [p.champion, p.participant, p.trainer],
      moderators: [p.champion],
      name: 'Family & friends',
      kind: 'topic',
      topic: 'Family & friends',
      language: 'en',
      description:
        'For people who love someone with an addictive behaviour. Share what helps (and what does not), learn the tools alongside them, and look after yourself too.',
    },
    familia: {
      by: p.facilitator,
      members: [p.elena, p.carmen],
      name: 'Familia y amigos',
      kind: 'topic',
      topic: 'Familia y amigos',
      language: 'es',
      description:
        'Para familiares y amistades de personas en recuperación. Aprendemos las herramientas juntos y cuidamos también de nosotros mismos.',
    },
    early: {
      by: p.callum,
      members: [p.participant, p.mei, p.dan, p.jamie],
      moderators: [p.mei],
      name: 'Early recovery',
      kind: 'topic',
      topic: 'Early recovery',
      language: 'en',
      description:
        'The first weeks and months can be the hardest. Ask anything, celebrate milestones, and hear from people who were where you are not long ago.',
    },
  };
  const groupIds: Record<string, string> = {};
  for (const [key, { by, members, moderators, ...input }] of Object.entries(groupSeeds)) {
    const group = await s.groups.create(by, input);
    groupIds[key] = group.id;
    for (const member of members) await s.groups.join(member, group.id);
    for (const moderator of moderators ?? [])
      await s.groups.addModerator(by, group.id, moderator.id);
  }

  const events: Array<CreateEventInput & { by: Actor; going: Actor[] }> = [
    {
      by: p.callum,
      going: [p.participant, p.champion, p.jamie],
      title: 'Saturday walk around Heaton Park',
      kind: 'social',
      groupId: groupIds.manchester,
      description:
        'An easy loop of about 5 km at chatting pace, then tea and cake at the Farm Centre café. Dogs and buggies welcome; we wait for everyone.',
      startsAt: localTime('Europe/London', 4, 10),
      endsAt: localTime('Europe/London', 4, 12, 30),
      timeZone: 'Europe/London',
      location: {
        type: 'in-person',
        venue: 'Heaton Park, Middleton Road gates',
        city: 'Manchester',
        region: 'England',
        country: 'GB',
      },
      capacity: 20,
    },
    {
      by: p.facilitator,
      going: [p.sofia, p.elena],
      title: 'Paseo por El Retiro y café',
      kind: 'social',
      groupId: groupIds.madrid,
      description:
        'Paseo tranquilo por El Retiro y después un café cerca de la Puerta de Alcalá. Ven como estés; lo importante es acompañarnos.',
      startsAt: localTime('Europe/Madrid', 6, 11),
      endsAt: localTime('Europe/Madrid', 6, 13),
      timeZone: 'Europe/Madrid',
      location: {
        type: 'in-person',
        venue: 'Puerta de Alcalá (entrada del Retiro)',
        city: 'Madrid',
        country: 'ES',
      },
      capacity: 15,
    },
    {
      by: p.admin,
      going: [p.mike, p.dan, p.trainer, p.champion, p.advisor],
      title: 'SMART Recovery Community Conference',
      kind: 'conference',
      description:
        'Two days of talks and workshops: what the science says about change, stories from facilitators and participants, and time to meet people from other countries. Sessions are recorded for those who cannot travel.',
      startsAt: localTime('America/New_York', 30, 9),
      endsAt: localTime('America/New_York', 31, 17),
      timeZone: 'America/New_York',
      location: {
        type: 'in-person',
        venue: 'Cleveland Public Library, Louis Stokes Wing',
        city: 'Cleveland',
        region: 'Ohio',
        country: 'US',
      },
      capacity: 250,
    },
    {
      by: p.trainer,
      going: [p.participant, p.sofia, p.mei],
      title: 'Facilitator training day: running your first meeting',
      kind: 'training-day',
      description:
        'A live day for those who finished the online course: opening a meeting, the check-in, using the tools on the whiteboard, and keeping the group safe. Bring your questions.',
      startsAt: localTime('Europe/London', 12, 13),
      endsAt: localTime('Europe/London', 12, 18),
      timeZone: 'Europe/London',
      location: { type: 'online', url: 'https://training.example.org/facilitator-day' },
      capacity: 24,
    },
    {
      by: p.aisha,
      going: [p.mei, p.advisor],
      title: 'Picnic in the Royal Botanic Garden',
      kind: 'social',
      groupId: groupIds.sydney,
      description:
        'Bring something to share (no alcohol, lots of fruit). We will be on the lawn near the Palm Grove from midday; look for the green blanket.',
      startsAt: localTime('Australia/Sydney', 9, 12),
      endsAt: localTime('Australia/Sydney', 9, 15),
      timeZone: 'Australia/Sydney',
      location: {
        type: 'in-person',
        venue: 'Royal Botanic Garden, Palm Grove lawn',
        city: 'Sydney',
        region: 'NSW',
        country: 'AU',
      },
      capacity: null,
    },
  ];
  for (const { by, going, ...input } of events) {
    const event = await s.events.create(by, input);
    for (const member of going) await s.events.rsvp(member, event.id, true);
  }
}
