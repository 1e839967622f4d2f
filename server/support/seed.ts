import { type SupportSettingsInput, supportCountrySchema } from '../../shared/api/support.ts';
import type { SeedContext } from '../infra/seed-context.ts';
import { supportModels } from './models.ts';
import { SupportService } from './service.ts';

/**
 * Demo settings for the general list and the directory seed's countries (GB, US, MX, AU).
 * Every line is `example: true`, says so in its name, and uses a number from a range set
 * aside for drama or one no plan allocates, so nobody in a real crisis is sent to a real
 * stranger's phone. A real deployment starts without these (the demo never runs in
 * production) and admins must enter their community's real services.
 */
const DEMO = ' (demo data — not a real service)';
const EJEMPLO = ' (datos de ejemplo: no es un servicio real)';

export const DEMO_SUPPORT: Record<string, SupportSettingsInput> = {
  '*': {
    crisisLines: [
      {
        name: `Example international helpline directory${DEMO}`,
        description:
          'In a real deployment: a directory of crisis lines by country. If you are in danger now, call your local emergency number.',
        url: 'https://example.org/helplines',
        example: true,
      },
      {
        name: `Example text line${DEMO}`,
        description: 'In a real deployment: a text service that answers in several languages.',
        // Ofcom's range for drama (07700 900000–900999).
        sms: '+44 7700 900123',
        hours: '24/7',
        languages: ['en', 'es'],
        example: true,
      },
    ],
    donationUrl: 'https://example.org/donate',
  },
  GB: {
    crisisLines: [
      {
        name: `Example helpline${DEMO}`,
        description: 'In a real deployment: a free, confidential listening line.',
        // Ofcom's ranges for drama: 01632 960xxx and 07700 900xxx.
        phone: '01632 960001',
        sms: '07700 900001',
        url: 'https://example.org/gb/helpline',
        hours: '24 hours, every day',
        languages: ['en'],
        example: true,
      },
      {
        name: `Example addiction advice line${DEMO}`,
        phone: '01632 960002',
        hours: 'Monday to Friday, 9:00–20:00',
        languages: ['en'],
        example: true,
      },
    ],
    donationUrl: 'https://example.org/donate/gb',
  },
  US: {
    crisisLines: [
      {
        name: `Example crisis line${DEMO}`,
        description: 'In a real deployment: a national crisis call and text line.',
        // 555-0100 to 555-0199 are reserved for fiction in every US area code.
        phone: '+1 202 555 0101',
        sms: '+1 202 555 0102',
        url: 'https://example.org/us/crisis',
        hours: '24/7',
        languages: ['en', 'es'],
        example: true,
      },
      {
        name: `Example treatment referral line${DEMO}`,
        phone: '+1 202 555 0103',
        hours: '24/7',
        languages: ['en'],
        example: true,
      },
    ],
    donationUrl: 'https://example.org/donate/us',
  },
  MX: {
    crisisLines: [
      {
        name: `Línea de ayuda de ejemplo${EJEMPLO}`,
        description: 'En una instalación real: una línea de ayuda gratuita y confidencial.',
        // Mexico has no range for fiction; no area code starts with 0, so this reaches nobody.
        phone: '+52 00 0000 0101',
        url: 'https://example.org/mx/ayuda',
        hours: 'Las 24 horas',
        languages: ['es'],
        example: true,
      },
    ],
    donationUrl: 'https://example.org/donate/mx',
  },
  AU: {
    crisisLines: [
      {
        name: `Example support line${DEMO}`,
        description: 'In a real deployment: a crisis support line open day and night.',
        // ACMA's numbers for fiction: (02) 5550 xxxx and 0491 570 006.
        phone: '+61 2 5550 0101',
        sms: '0491 570 006',
        url: 'https://example.org/au/support',
        hours: '24/7',
        languages: ['en'],
        example: true,
      },
    ],
    donationUrl: 'https://example.org/donate/au',
  },
};

export async function seedSupport(ctx: Pick<SeedContext, 'connection'>): Promise<void> {
  const service = new SupportService(supportModels(ctx.connection));
  for (const [country, settings] of Object.entries(DEMO_SUPPORT)) {
    await service.replace(supportCountrySchema.parse(country), settings);
  }
}
