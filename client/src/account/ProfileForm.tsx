import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnUser } from '../../../shared/api/accounts.ts';
import { SubmitButton } from '../forms/buttons.tsx';
import {
  describedBy,
  FormAlert,
  FormStatus,
  Options,
  SelectField,
  TextField,
} from '../forms/fields.tsx';
import { useForm } from '../forms/useForm.ts';
import { LIMITS, validateProfile } from '../forms/validation.ts';
import { useHavenStore } from '../store/index.ts';
import {
  countryOptions,
  deviceTimeZone,
  initialTimeZone,
  languageOptions,
  SERVER_DEFAULT_TIME_ZONE,
  timeZoneOptions,
} from './places.ts';

const FIELDS = [
  'displayName',
  'area.country',
  'area.region',
  'area.city',
  'languages',
  'timeZone',
] as const;

interface Values {
  displayName: string;
  country: string;
  region: string;
  city: string;
  languages: string[];
  timeZone: string;
}

function valuesOf(user: OwnUser, device: string | null): Values {
  return {
    displayName: user.displayName,
    country: user.area.country ?? '',
    region: user.area.region ?? '',
    city: user.area.city ?? '',
    languages: [...user.languages],
    timeZone: initialTimeZone(user.timeZone, device),
  };
}

/** Name, area, languages and time zone: what shapes which meetings and groups fit. */
export function ProfileForm({ user }: { user: OwnUser }) {
  const { t } = useTranslation();
  const headingId = useId();
  const languagesHintId = useId();
  const languagesErrorId = useId();
  const locale = useHavenStore((s) => s.language);
  const updateProfile = useHavenStore((s) => s.updateProfile);
  const form = useForm(FIELDS);
  const device = useMemo(deviceTimeZone, []);
  const [values, setValues] = useState(() => valuesOf(user, device));
  const [saved, setSaved] = useState(false);

  const countries = useMemo(() => countryOptions(locale), [locale]);
  const languages = useMemo(
    () => languageOptions(locale, user.languages),
    [locale, user.languages],
  );
  const zones = useMemo(
    () => timeZoneOptions(locale, [user.timeZone, ...(device ? [device] : [])]),
    [locale, user.timeZone, device],
  );
  const suggestingDeviceZone =
    user.timeZone === SERVER_DEFAULT_TIME_ZONE &&
    values.timeZone === device &&
    device !== user.timeZone;

  const change = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const toggleLanguage = (code: string, on: boolean) =>
    change(
      'languages',
      on ? [...values.languages, code] : values.languages.filter((l) => l !== code),
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const area: { country?: string; region?: string; city?: string } = {};
    if (values.country) area.country = values.country;
    if (values.region.trim()) area.region = values.region.trim();
    if (values.city.trim()) area.city = values.city.trim();
    void form
      .submit({
        problems: validateProfile(values),
        action: async () => {
          await updateProfile({
            displayName: values.displayName.trim(),
            area,
            languages: values.languages,
            timeZone: values.timeZone,
          });
        },
      })
      .then((ok) => {
        if (ok) setSaved(true);
      });
  };

  const languagesError = form.problemText('languages');
  return (
    <section className="panel account-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.profile.title')}</h2>
      <p className="section-intro">{t('account.profile.intro')}</p>
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <TextField
          label={t('account.profile.displayName')}
          hint={t('account.profile.displayNameHint')}
          error={form.problemText('displayName')}
          name="displayName"
          autoComplete="nickname"
          maxLength={LIMITS.displayName.max}
          value={values.displayName}
          onChange={(event) => change('displayName', event.target.value)}
        />

        <fieldset className="fieldset">
          <legend>{t('account.profile.area')}</legend>
          <p className="field-hint">{t('account.profile.areaHint')}</p>
          <div className="field-row">
            <SelectField
              label={t('account.profile.country')}
              error={form.problemText('area.country')}
              name="country"
              autoComplete="country"
              value={values.country}
              onChange={(event) => change('country', event.target.value)}
            >
              <option value="">{t('account.profile.countryNone')}</option>
              <Options items={countries} />
            </SelectField>
            <TextField
              label={t('account.profile.region')}
              error={form.problemText('area.region')}
              name="region"
              autoComplete="address-level1"
              maxLength={LIMITS.areaText.max}
              value={values.region}
              onChange={(event) => change('region', event.target.value)}
            />
            <TextField
              label={t('account.profile.city')}
              error={form.problemText('area.city')}
              name="city"
              autoComplete="address-level2"
              maxLength={LIMITS.areaText.max}
              value={values.city}
              onChange={(event) => change('city', event.target.value)}
            />
          </div>
        </fieldset>

        <fieldset
          className={`fieldset${languagesError ? ' field-invalid' : ''}`}
          data-invalid={languagesError ? true : undefined}
          aria-describedby={describedBy(languagesHintId, languagesError && languagesErrorId)}
        >
          <legend>{t('account.profile.languages')}</legend>
          <p id={languagesHintId} className="field-hint">
            {t('account.profile.languagesHint')}
          </p>
          {languagesError && (
            <p id={languagesErrorId} className="field-error">
              {languagesError}
            </p>
          )}
          <ul className="check-grid">
            {languages.map((option) => (
              <li key={option.value} className="check">
                <input
                  id={`${languagesHintId}-${option.value}`}
                  type="checkbox"
                  name="languages"
                  value={option.value}
                  checked={values.languages.includes(option.value)}
                  onChange={(event) => toggleLanguage(option.value, event.target.checked)}
                />
                <label htmlFor={`${languagesHintId}-${option.value}`}>{option.label}</label>
              </li>
            ))}
          </ul>
        </fieldset>

        <SelectField
          label={t('account.profile.timeZone')}
          hint={
            suggestingDeviceZone
              ? t('account.profile.timeZoneSuggested')
              : t('account.profile.timeZoneHint')
          }
          error={form.problemText('timeZone')}
          name="timeZone"
          value={values.timeZone}
          onChange={(event) => change('timeZone', event.target.value)}
        >
          <Options items={zones} />
        </SelectField>

        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('account.profile.save')}</SubmitButton>
          <FormStatus message={saved ? t('account.profile.saved') : null} />
        </div>
      </form>
    </section>
  );
}
