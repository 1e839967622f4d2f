import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { countryOptions } from '../../account/places.ts';
import { Page } from '../../components/Page.tsx';
import { Options, SelectField } from '../../forms/fields.tsx';
import { useHavenStore } from '../../store/index.ts';
import { CrisisResourcesPanel } from './CrisisResourcesPanel.tsx';
import { countryFromSearch, supportPagePath } from './model.ts';

/**
 * /support: crisis help for anyone, signed in or not. The country comes from the address,
 * else the member's own area, else the general list; changing it updates the address so
 * the page can be shared or bookmarked for a place.
 */
export function SupportPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const language = useHavenStore((s) => s.language);
  const ownCountry = useHavenStore((s) => s.user?.area?.country ?? null);
  const chosen = countryFromSearch(useSearch());
  const country = chosen === undefined ? ownCountry : chosen;
  const options = useMemo(() => countryOptions(language), [language]);
  return (
    <Page title={t('support.page.title')} intro={t('support.page.intro')}>
      <div className="support-country">
        <SelectField
          label={t('support.page.country')}
          hint={t('support.page.countryHint')}
          name="country"
          value={country ?? ''}
          onChange={(event) =>
            navigate(supportPagePath(event.target.value || null), { replace: true })
          }
        >
          <option value="">{t('support.page.general')}</option>
          <Options items={options} />
        </SelectField>
      </div>
      <CrisisResourcesPanel country={country} />
    </Page>
  );
}
