import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../../../account/places.ts';
import {
  describedBy,
  Options,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../../forms/fields.tsx';
import { hasPlace, MEETING_LIMITS } from '../model.ts';
import type { FieldsProps } from './ScheduleFields.tsx';

/**
 * Where: the place of an in-person or hybrid meeting; for an online one, optionally the
 * country it is meant for (so the directory's country filter finds it).
 */
export function PlaceFields({ values, change, problemText, locale }: FieldsProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const placeError = problemText('location');
  const L = MEETING_LIMITS;

  if (!hasPlace(values.format)) {
    return (
      <SelectField
        label={t('directory.form.areaCountry')}
        hint={t('directory.form.areaCountryHint')}
        error={problemText('area.country') ?? problemText('area')}
        name="areaCountry"
        value={values.areaCountry}
        onChange={(event) => change('areaCountry', event.target.value)}
      >
        <option value="">{t('directory.form.areaCountryNone')}</option>
        <Options items={countries} />
      </SelectField>
    );
  }

  return (
    <fieldset
      className={`fieldset form-group${placeError ? ' field-invalid' : ''}`}
      data-invalid={placeError ? true : undefined}
      aria-describedby={describedBy(placeError && errorId)}
    >
      <legend>{t('directory.form.place')}</legend>
      {placeError && (
        <p id={errorId} className="field-error">
          {placeError}
        </p>
      )}
      <TextField
        label={t('directory.form.placeName')}
        hint={t('directory.form.placeNameHint')}
        error={problemText('location.placeName')}
        name="placeName"
        maxLength={L.placeName.max}
        value={values.placeName}
        onChange={(event) => change('placeName', event.target.value)}
      />
      <TextField
        label={t('directory.form.address')}
        error={problemText('location.address')}
        name="address"
        autoComplete="street-address"
        maxLength={L.address.max}
        value={values.address}
        onChange={(event) => change('address', event.target.value)}
      />
      <div className="field-row">
        <TextField
          label={t('directory.form.city')}
          error={problemText('location.city')}
          name="city"
          autoComplete="address-level2"
          maxLength={L.city.max}
          value={values.city}
          onChange={(event) => change('city', event.target.value)}
        />
        <TextField
          label={t('directory.form.region')}
          error={problemText('location.region')}
          name="region"
          autoComplete="address-level1"
          maxLength={L.region.max}
          value={values.region}
          onChange={(event) => change('region', event.target.value)}
        />
        <SelectField
          label={t('directory.form.country')}
          error={problemText('location.country')}
          name="country"
          autoComplete="country"
          value={values.country}
          onChange={(event) => change('country', event.target.value)}
        >
          <option value="">{t('directory.form.countryChoose')}</option>
          <Options items={countries} />
        </SelectField>
      </div>
      <TextAreaField
        label={t('directory.form.notes')}
        hint={t('directory.form.notesHint')}
        error={problemText('location.notes')}
        name="notes"
        rows={3}
        maxLength={L.notes.max}
        value={values.notes}
        onChange={(event) => change('notes', event.target.value)}
      />
    </fieldset>
  );
}
