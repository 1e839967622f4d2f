import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const GUIDELINES = ['confidential', 'noRecording', 'respect', 'listen', 'crisis'] as const;

/** What every meeting asks of everyone in it, shown before joining and while waiting. */
export function Guidelines() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="panel live-guidelines" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('live.guidelines.title')}</h2>
      <ul>
        {GUIDELINES.map((item) => (
          <li key={item}>{t(`live.guidelines.${item}`)}</li>
        ))}
      </ul>
    </section>
  );
}
