import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../shared/api/community.ts';
import { formatRange, sameClock, zoneLabel } from '../time.ts';

/** A member's name as shown in community content; `null` is someone who left Haven. */
/** A person as text: staff carry their role beside the name ("Maria (Moderator)"). */
export function personName(t: TFunction, person: Person | null | undefined): string {
  if (!person) return t('community.deletedMember');
  if (!person.staff) return person.displayName;
  return t('community.staffName', {
    name: person.displayName,
    role: t(`community.staff.${person.staff}`),
  });
}

const namers = new Map<string, Intl.DisplayNames | null>();
function displayName(type: 'region' | 'language', code: string, locale: string): string {
  const key = `${type}:${locale}`;
  if (!namers.has(key)) {
    try {
      namers.set(key, new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' }));
    } catch {
      namers.set(key, null);
    }
  }
  try {
    return namers.get(key)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's name in the reader's language ("ES" → "Spain" / "España"). */
export const countryName = (code: string, locale: string) => displayName('region', code, locale);

/**
 * A language's name in the reader's language: capitalised on its own ("Español"), as
 * the language writes it inside a sentence ("en español") when `inSentence`.
 */
export function languageName(code: string, locale: string, inSentence = false): string {
  const name = displayName('language', code, locale);
  return inSentence ? name : name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** "Fran and Robin", "Fran y Robin": names joined as the reader's language does it. */
export function listOf(names: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** "Sevilla, Andalucía, Spain": the parts that are set, most local first. */
export function placeText(
  area: { country?: string | undefined; region?: string | undefined; city?: string | undefined },
  locale: string,
): string {
  return [area.city, area.region, area.country ? countryName(area.country, locale) : undefined]
    .filter(Boolean)
    .join(', ');
}

/**
 * When an event happens: in the reader's zone, and in the event's own zone when the clocks
 * there differ (a member in London reading about an evening in Madrid).
 */
export function EventWhen({
  startsAt,
  endsAt,
  eventZone,
  viewerZone,
  locale,
}: {
  startsAt: string;
  endsAt: string;
  eventZone: string;
  viewerZone: string;
  locale: string;
}) {
  const { t } = useTranslation();
  const mine = formatRange(startsAt, endsAt, viewerZone, locale);
  if (sameClock(startsAt, endsAt, eventZone, viewerZone)) {
    return (
      <p className="cm-when">
        {t('community.events.when', { when: mine, zone: zoneLabel(viewerZone) })}
      </p>
    );
  }
  return (
    <div className="cm-when">
      <p>{t('community.events.whenYours', { when: mine, zone: zoneLabel(viewerZone) })}</p>
      <p className="cm-muted">
        {t('community.events.whenLocal', {
          when: formatRange(startsAt, endsAt, eventZone, locale),
          zone: zoneLabel(eventZone),
        })}
      </p>
    </div>
  );
}
