import { useTranslation } from 'react-i18next';
import { useResources } from './data.ts';
import { safeHttpsUrl } from './model.ts';
import './support.css';

/**
 * The organisation's donation page for a country, for the pass-the-hat segment. Haven only
 * links to it: no payment passes through Haven. Shows nothing while loading or on failure
 * (a missing link must not interrupt a meeting); `showMissing` says when none is set.
 */
export function DonationLink({
  country,
  showMissing = false,
}: {
  country: string | null;
  showMissing?: boolean;
}) {
  const { t } = useTranslation();
  const { state } = useResources(country);
  if (state.status !== 'ready') return null;
  const url = safeHttpsUrl(state.data.donationUrl);
  if (!url)
    return showMissing ? <p className="donation-link">{t('support.donation.none')}</p> : null;
  return (
    <p className="donation-link">
      <a className="button-link" href={url} target="_blank" rel="noopener noreferrer">
        {t('support.donation.link')}
      </a>
      <span className="field-hint">{t('support.donation.note')}</span>
    </p>
  );
}
