import { useTranslation } from 'react-i18next';

export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${targetId}`}>
      {t('app.skipToContent')}
    </a>
  );
}
