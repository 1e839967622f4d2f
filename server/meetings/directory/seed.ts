import { DateTime } from 'luxon';
import type { Role } from '../../../shared/api/accounts.ts';
import type { CreateMeetingInput } from '../../../shared/api/directory.ts';
import { accountModels } from '../../accounts/models.ts';
import { UserDirectory } from '../../accounts/user-directory.ts';
import type { RequestUser } from '../../infra/api/routes.ts';
import type { SeedContext } from '../../infra/seed-context.ts';
import { demoTrainingRecords } from '../../training/credentials/seed.ts';
import { directoryModels } from './models.ts';
import { DirectoryService } from './service.ts';

/**
 * Demo meetings across five zones, two languages and every format, placed relative to today
 * so the directory always has something coming up (and one daily check-in in progress at the
 * time of seeding). They go through the service, so the demo obeys the same rules as members.
 */

type Input = Omit<CreateMeetingInput, 'capacity'> & { capacity?: number };

const FACILITATOR: Role[] = ['participant', 'facilitator'];

/** Today (in `zone`) two weeks back, so weekly meetings have a short history. */
const startsOn = (zone: string) =>
  DateTime.now().setZone(zone).minus({ weeks: 2 }).toISODate() ?? '';

const weekly = (timeZone: string, weekdays: number[], localTime: string) => ({
  kind: 'weekly' as const,
  weekdays,
  localTime,
  timeZone,
  startsOn: startsOn(timeZone),
});

export async function seedDirectory(ctx: SeedContext): Promise<void> {
  const users = new UserDirectory(accountModels(ctx.connection));
  // Hosting is training-gated: the demo's facilitators have completed their training.
  const training = demoTrainingRecords(ctx);
  const service = new DirectoryService(directoryModels(ctx.connection), users, training);
  const facilitator = async (
    email: string,
    displayName: string,
    timeZone: string,
    area: { country: string; region: string; city: string },
    languages: string[],
  ): Promise<RequestUser> => {
    const id = await ctx.createUser({
      email,
      displayName,
      roles: FACILITATOR,
      timeZone,
      area,
      languages,
    });
    await training.markTrackComplete(id, 'facilitator');
    return { id, roles: FACILITATOR, partnerId: null };
  };
  const maria: RequestUser = { id: ctx.people.facilitator, roles: FACILITATOR, partnerId: null };
  await training.markTrackComplete(maria.id, 'facilitator');
  const tom = await facilitator(
    'tom.facilitator@haven.local',
    'Tom',
    'Europe/London',
    { country: 'GB', region: 'England', city: 'Manchester' },
    ['en'],
  );
  const grace = await facilitator(
    'grace.facilitator@haven.local',
    'Grace',
    'America/New_York',
    { country: 'US', region: 'Ohio', city: 'Cleveland' },
    ['en'],
  );
  const rosa = await facilitator(
    'rosa.facilitadora@haven.local',
    'Rosa',
    'America/Mexico_City',
    { country: 'MX', region: 'CDMX', city: 'Ciudad de México' },
    ['es'],
  );
  const mia = await facilitator(
    'mia.facilitator@haven.local',
    'Mia',
    'Australia/Sydney',
    { country: 'AU', region: 'NSW', city: 'Sydney' },
    ['en'],
  );

  const create = (actor: RequestUser, input: Input) =>
    service.create(actor, { capacity: 20, ...input });

  // A daily check-in that started twenty minutes before seeding, so the UI shows one live.
  const london = DateTime.now().setZone('Europe/London').minus({ minutes: 20 });
  const checkInTime = london.set({ minute: london.minute - (london.minute % 5) }).toFormat('HH:mm');
  await create(tom, {
    title: 'Daily Online Check-in',
    description:
      'Half an hour to an hour to land in the day: a quick round of how everyone is doing, one thing we are working on from the 4-Point Program, and a plan for the next 24 hours. Cameras optional, first names or nicknames welcome.',
    type: 'open',
    format: 'online',
    language: 'en',
    recurrence: weekly('Europe/London', [1, 2, 3, 4, 5, 6, 7], checkInTime),
    durationMinutes: 60,
    facilitatorIds: [tom.id, maria.id],
    capacity: 40,
    area: { country: 'GB' },
  });
  await create(tom, {
    title: 'Manchester Tuesday Evening Meeting',
    description:
      'A friendly, open meeting for anyone who wants to change an addictive behaviour – alcohol, drugs, gambling, food or anything else. We check in, set an agenda together and work through a tool such as the Cost–Benefit Analysis. New faces are always welcome; you never have to speak.',
    type: 'open',
    format: 'in-person',
    language: 'en',
    recurrence: weekly('Europe/London', [2], '19:00'),
    durationMinutes: 90,
    location: {
      placeName: 'Mill Lane Community Centre',
      address: '4 Mill Lane',
      city: 'Manchester',
      region: 'England',
      country: 'GB',
      notes:
        'Ring the bell at the side door. Ground-floor room with step-free access; tea and coffee from 18:45.',
    },
  });
  await create(maria, {
    title: 'Reunión de los jueves en línea',
    description:
      'Cada jueves nos vemos por videollamada para contar cómo ha ido la semana y trabajar juntos con las herramientas del Programa de 4 Puntos: motivación, manejo de los impulsos, pensamientos y emociones, y una vida equilibrada. Puedes venir solo a escuchar.',
    type: 'open',
    format: 'online',
    language: 'es',
    recurrence: weekly('Europe/Madrid', [4], '20:00'),
    durationMinutes: 90,
    area: { country: 'ES' },
  });
  await create(maria, {
    title: 'Reunión híbrida de los sábados – Chamberí',
    description:
      'Reunión abierta en la sala y por videollamada a la vez. Empezamos con una ronda breve, elegimos juntos los temas y practicamos una herramienta. Si vienes por primera vez, llega diez minutos antes y te explicamos cómo funciona.',
    type: 'open',
    format: 'hybrid',
    language: 'es',
    recurrence: weekly('Europe/Madrid', [6], '11:00'),
    durationMinutes: 90,
    location: {
      placeName: 'Centro Comunitario La Glorieta',
      address: 'Calle del Olivar 8',
      city: 'Madrid',
      region: 'Comunidad de Madrid',
      country: 'ES',
      notes: 'Sala 3, primera planta. Hay ascensor.',
    },
  });
  await create(grace, {
    title: 'Family & Friends Online – Wednesday Evenings',
    description:
      'For the family members and friends of someone with an addictive behaviour. We look after our own wellbeing, learn how to communicate without conflict, and practise ways of supporting change that science suggests help. What is said here stays here.',
    type: 'specialised',
    audience: 'family-and-friends',
    eligibility: {
      requiresConfirmation: true,
      statementKey: 'family-or-friend-of-someone-with-addictive-behaviour',
    },
    format: 'online',
    language: 'en',
    recurrence: weekly('America/New_York', [3], '19:30'),
    durationMinutes: 75,
    area: { country: 'US' },
  });
  await create(grace, {
    title: 'Cleveland Monday Night Meeting',
    description:
      'Start the week with people who get it. An open, self-empowering meeting where we share what is working, what is hard, and try a 4-Point tool together. Coffee is on us.',
    type: 'open',
    format: 'in-person',
    language: 'en',
    recurrence: weekly('America/New_York', [1], '18:30'),
    durationMinutes: 90,
    location: {
      placeName: 'Lakeside Neighborhood Center',
      address: '1200 Shore Avenue, Room B',
      city: 'Cleveland',
      region: 'Ohio',
      country: 'US',
      notes: 'Free parking behind the building.',
    },
  });
  const workshop = DateTime.now()
    .setZone('America/New_York')
    .plus({ days: 10 })
    .set({ hour: 18, minute: 0 });
  await create(grace, {
    title: 'Living a Balanced Life – an evening workshop',
    description:
      'A one-off session on the fourth point of the program: what a balanced week looks like for you, and small steps to get there. Bring a pen and something to write on.',
    type: 'open',
    format: 'online',
    language: 'en',
    recurrence: {
      kind: 'once',
      localDateTime: workshop.toFormat("yyyy-MM-dd'T'HH:mm"),
      timeZone: 'America/New_York',
    },
    durationMinutes: 120,
    capacity: 60,
  });
  await create(rosa, {
    title: 'Reunión de mujeres – Coyoacán',
    description:
      'Un espacio de mujeres para apoyarnos en el cambio, en la sala o en línea. Hablamos con confianza de lo que nos cuesta y de lo que nos funciona, y practicamos herramientas para los impulsos y las emociones.',
    type: 'specialised',
    audience: 'women',
    eligibility: { requiresConfirmation: true, statementKey: 'identifies-as-woman' },
    format: 'hybrid',
    language: 'es',
    recurrence: weekly('America/Mexico_City', [2], '18:00'),
    durationMinutes: 90,
    location: {
      placeName: 'Casa de la Cultura Los Naranjos',
      address: 'Calle Naranjos 45, Col. Del Carmen',
      city: 'Ciudad de México',
      region: 'CDMX',
      country: 'MX',
    },
  });
  await create(rosa, {
    title: 'Familiares y amigos – en línea',
    description:
      'Para familiares y amistades de una persona con una conducta adictiva. Aprendemos a cuidarnos, a comunicarnos sin pelear y a apoyar el cambio sin cargar con él. Lo que se comparte aquí, aquí se queda.',
    type: 'specialised',
    audience: 'family-and-friends',
    eligibility: {
      requiresConfirmation: true,
      statementKey: 'family-or-friend-of-someone-with-addictive-behaviour',
    },
    format: 'online',
    language: 'es',
    recurrence: weekly('America/Mexico_City', [4], '19:00'),
    durationMinutes: 75,
    area: { country: 'MX' },
  });
  await create(mia, {
    title: 'Surry Hills Sunday Morning Meeting',
    description:
      'A relaxed Sunday morning meeting. We check in, pick what to focus on, and work through a tool – often the ABC for urges and unhelpful thoughts. Everyone is welcome, whatever the addiction.',
    type: 'open',
    format: 'in-person',
    language: 'en',
    recurrence: weekly('Australia/Sydney', [7], '09:30'),
    durationMinutes: 90,
    location: {
      placeName: 'Crown Lane Neighbourhood Centre',
      address: '21 Crown Lane',
      city: 'Sydney',
      region: 'NSW',
      country: 'AU',
    },
  });
  await create(mia, {
    title: "Young People's Online Meeting (18–25)",
    description:
      'For young adults who want to change their relationship with alcohol, drugs, gaming or anything else. Same tools, people your own age.',
    type: 'specialised',
    audience: 'young-people',
    eligibility: { requiresConfirmation: false, statementKey: 'aged-18-to-25' },
    format: 'online',
    language: 'en',
    recurrence: weekly('Australia/Sydney', [3], '18:00'),
    durationMinutes: 60,
    area: { country: 'AU', region: 'NSW' },
  });

  // In-service meetings need a partner; the programme seed creates partners (and their staff)
  // first. Each partner's own staff run its meeting, where it is and in its language.
  for (const partnerId of ctx.partnerIds.slice(0, 2)) {
    const [staffMember] = await users.staffOf(partnerId);
    const staff: RequestUser = staffMember
      ? { id: staffMember.id, roles: staffMember.roles, partnerId }
      : { ...(await newStaff(ctx, partnerId)), partnerId };
    // Partner staff are trained like any facilitator before they run a meeting.
    await training.markTrackComplete(staff.id, 'facilitator');
    const timeZone = (await users.timeZoneOf(staff.id)) ?? 'Europe/London';
    const area = staffMember?.area;
    const spanish = staffMember?.languages[0] === 'es';
    await create(staff, {
      ...(spanish ? IN_SERVICE.es : IN_SERVICE.en),
      type: 'open',
      format: 'in-person',
      recurrence: weekly(timeZone, [4], '14:00'),
      durationMinutes: 60,
      partnerId,
      location: {
        placeName: spanish ? 'Sala de grupo 2 del centro' : 'Group room 2 at the service',
        address: spanish ? 'Planta baja, pregunta en recepción' : 'Ground floor, ask at reception',
        city: area?.city ?? 'Manchester',
        country: area?.country ?? 'GB',
      },
    });
  }
}

const IN_SERVICE = {
  en: {
    title: 'In-service Thursday Meeting',
    description:
      'A meeting for people using the service, run by staff trained as facilitators. It is a first taste of mutual aid; when you are ready we will point you to the peer-led meetings nearby.',
    language: 'en',
  },
  es: {
    title: 'Reunión de los jueves en el centro',
    description:
      'Una reunión para las personas que acuden al centro, guiada por profesionales formados como facilitadores. Es una primera experiencia de ayuda mutua; cuando quieras, te acompañamos a las reuniones de la comunidad.',
    language: 'es',
  },
} as const;

/** Only when the programme seed left a partner without staff. */
async function newStaff(
  ctx: SeedContext,
  partnerId: string,
): Promise<Omit<RequestUser, 'partnerId'>> {
  const id = await ctx.createUser({
    email: `staff-${partnerId}@haven.local`,
    displayName: 'Jess',
    partnerId,
    timeZone: 'Europe/London',
    area: { country: 'GB', region: 'England', city: 'Manchester' },
    languages: ['en'],
  });
  return { id, roles: ['participant'] };
}
