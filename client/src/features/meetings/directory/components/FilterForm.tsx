import { type ChangeEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions, languageOptions, timeZoneOptions } from '../../../../account/places.ts';
import { Options, SelectField } from '../../../../forms/fields.tsx';
import { type DirectoryFilters, hasChosenFilters, SOON_OPTIONS, withFilter } from '../filters.ts';
import { AUDIENCES, MEETING_FORMATS, MEETING_TYPES } from '../model.ts';

/**
 * The directory's filters. Every change goes straight to the address (the page reads the
 * filters from there), so there is nothing to submit; "Starting" is left out of the week
 * view, which always shows a whole week.
 */
export function FilterForm({
  filters,
  zone,
  defaultZone,
  locale,
  onChange,
  onClear,
}: {
  filters: DirectoryFilters;
  zone: string;
  defaultZone: string;
  locale: string;
  onChange: (filters: DirectoryFilters) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const languages = useMemo(
    () => languageOptions(locale, filters.language ? [filters.language] : []),
    [locale, filters.language],
  );
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const zones = useMemo(
    () => timeZoneOptions(locale, [zone, defaultZone]),
    [locale, zone, defaultZone],
  );
  const isWeek = filters.view === 'week';
  const isSpecialised = filters.type === 'specialised';

  const set =
    <K extends keyof DirectoryFilters>(key: K) =>
    (event: ChangeEvent<HTMLSelectElement>) =>
      onChange(withFilter(filters, key, event.target.value as DirectoryFilters[K]));
  const onZone = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    // The default zone is not written into the address: a shared link shows the
    // recipient's own times unless the sender picked a zone on purpose.
    onChange(withFilter(filters, 'tz', value === defaultZone ? '' : value));
  };

  return (
    <search className="panel directory-filters" aria-label={t('directory.filters.label')}>
      <form onSubmit={(event) => event.preventDefault()}>
        <div className="directory-filter-grid">
          <SelectField
            label={t('directory.filters.language')}
            name="language"
            value={filters.language ?? ''}
            onChange={set('language')}
          >
            <option value="">{t('directory.filters.languageAny')}</option>
            <Options items={languages} />
          </SelectField>
          <SelectField
            label={t('directory.filters.type')}
            name="type"
            value={filters.type ?? ''}
            onChange={set('type')}
          >
            <option value="">{t('directory.filters.typeAny')}</option>
            {MEETING_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`directory.types.${type}`)}
              </option>
            ))}
          </SelectField>
          {isSpecialised && (
            <SelectField
              label={t('directory.filters.audience')}
              name="audience"
              value={filters.audience ?? ''}
              onChange={set('audience')}
            >
              <option value="">{t('directory.filters.audienceAny')}</option>
              {AUDIENCES.map((audience) => (
                <option key={audience} value={audience}>
                  {t(`directory.audiences.${audience}`)}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField
            label={t('directory.filters.format')}
            name="format"
            value={filters.format ?? ''}
            onChange={set('format')}
          >
            <option value="">{t('directory.filters.formatAny')}</option>
            {MEETING_FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`directory.formats.${format}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('directory.filters.country')}
            name="country"
            value={filters.country ?? ''}
            onChange={set('country')}
          >
            <option value="">{t('directory.filters.countryAny')}</option>
            <Options items={countries} />
          </SelectField>
          {!isWeek && (
            <SelectField
              label={t('directory.filters.soon')}
              name="soon"
              value={filters.soon ?? ''}
              onChange={set('soon')}
            >
              <option value="">{t('directory.filters.soonAny')}</option>
              {SOON_OPTIONS.map((soon) => (
                <option key={soon} value={soon}>
                  {t(`directory.filters.soonOptions.${soon}`)}
                </option>
              ))}
            </SelectField>
          )}
          <div className="directory-filter-wide">
            <SelectField
              label={t('directory.filters.timeZone')}
              name="tz"
              value={zone}
              onChange={onZone}
            >
              <Options items={zones} />
            </SelectField>
          </div>
        </div>
        {hasChosenFilters(filters) && (
          <p className="directory-filter-actions">
            <button type="button" className="secondary small" onClick={onClear}>
              {t('directory.filters.clear')}
            </button>
          </p>
        )}
      </form>
    </search>
  );
}
