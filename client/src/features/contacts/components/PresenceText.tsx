import { useTranslation } from 'react-i18next';
import type { MemberPresence } from '../../../../../shared/chat/schemas.ts';
import { useLocale, useViewerZone } from '../../community/hooks.ts';

/** Online, away or offline in words (never colour alone), with "last seen" when shared. */
export function PresenceText({ presence }: { presence: MemberPresence | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zone = useViewerZone();
  if (!presence) return null;
  const state = presence.state;
  const seen =
    state === 'offline' && presence.lastSeen
      ? new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: zone,
        }).format(new Date(presence.lastSeen))
      : null;
  return (
    <span className={`presence presence-${state}`}>
      {seen ? t('contacts.presence.lastSeen', { when: seen }) : t(`contacts.presence.${state}`)}
    </span>
  );
}
