import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../../../shared/api/community.ts';
import { countryOptions, timeZoneOptions } from '../../../account/places.ts';
import { SubmitButton } from '../../../forms/buttons.tsx';
import {
  FormAlert,
  Options,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../forms/fields.tsx';
import { formMessage } from '../../../forms/problems.ts';
import { EVENT_KINDS, type EventKind, COMMUNITY_LIMITS as L } from '../constants.ts';
import { useCommunityForm, useLocale } from '../hooks.ts';
import { EVENT_FIELDS, type EventValues, validateEvent } from '../validation.ts';

/** The event form, for organising and for editing (an event's group cannot change). */
export function EventFields({
  initial,
  groups,
  editing = false,
  submitLabel,
  onSubmit,
}: {
  initial: EventValues;
  groups: Group[];
  editing?: boolean;
  submitLabel: string;
  /** Throws an ApiError for the form to show. */
  onSubmit: (values: EventValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useCommunityForm(EVENT_FIELDS);
  const [values, setValues] = useState(initial);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const zones = useMemo(
    () => timeZoneOptions(locale, [values.timeZone]),
    [locale, values.timeZone],
  );
  const set = <K extends keyof EventValues>(key: K, value: EventValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const inPerson = values.locationType === 'in-person';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      problems: validateEvent(values),
      action: () => onSubmit(values),
      messageFor: (error) =>
        error.code === 'CONFLICT'
          ? (tr) => tr('community.eventForm.capacityConflict')
          : error.code === 'INVALID_TRANSITION'
            ? (tr) => tr('community.eventForm.cancelled')
            : formMessage(error),
    });
  };

  return (
    <form ref={form.formRef} className="panel form cm-form" noValidate onSubmit={submit}>
      <FormAlert message={form.alert} />
      <TextField
        label={t('community.eventForm.title')}
        error={form.problemText('title')}
        name="title"
        maxLength={L.eventTitle.max}
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <SelectField
        label={t('community.eventForm.kind')}
        error={form.problemText('kind')}
        name="kind"
        value={values.kind}
        onChange={(e) => set('kind', e.target.value as EventKind)}
      >
        {EVENT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`community.events.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('community.eventForm.description')}
        hint={t('community.eventForm.descriptionHint')}
        error={form.problemText('description')}
        name="description"
        maxLength={L.eventDescription.max}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
      />
      <fieldset className="fieldset">
        <legend>{t('community.eventForm.when')}</legend>
        <p className="field-hint">{t('community.eventForm.whenHint')}</p>
        <div className="field-row">
          <TextField
            label={t('community.eventForm.startsAt')}
            error={form.problemText('startsAt')}
            name="startsAt"
            type="datetime-local"
            value={values.startsAt}
            onChange={(e) => set('startsAt', e.target.value)}
          />
          <TextField
            label={t('community.eventForm.endsAt')}
            error={form.problemText('endsAt')}
            name="endsAt"
            type="datetime-local"
            value={values.endsAt}
            onChange={(e) => set('endsAt', e.target.value)}
          />
        </div>
        <SelectField
          label={t('community.eventForm.timeZone')}
          error={form.problemText('timeZone')}
          name="timeZone"
          value={values.timeZone}
          onChange={(e) => set('timeZone', e.target.value)}
        >
          <Options items={zones} />
        </SelectField>
      </fieldset>
      <RadioGroup
        legend={t('community.eventForm.where')}
        name="locationType"
        value={values.locationType}
        onChange={(type) => set('locationType', type)}
        choices={[
          { value: 'online', label: t('community.events.online') },
          { value: 'in-person', label: t('community.eventForm.inPerson') },
        ]}
      />
      {inPerson ? (
        <div className="field-row">
          <TextField
            label={t('community.eventForm.venue')}
            error={form.problemText('location.venue')}
            name="venue"
            maxLength={L.venue.max}
            value={values.venue}
            onChange={(e) => set('venue', e.target.value)}
          />
          <TextField
            label={t('community.eventForm.address')}
            error={form.problemText('location.address')}
            name="address"
            maxLength={L.address.max}
            value={values.address}
            onChange={(e) => set('address', e.target.value)}
          />
          <TextField
            label={t('community.groups.city')}
            error={form.problemText('location.city')}
            name="city"
            maxLength={L.eventCity.max}
            value={values.city}
            onChange={(e) => set('city', e.target.value)}
          />
          <TextField
            label={t('community.newGroup.region')}
            error={form.problemText('location.region')}
            name="region"
            maxLength={L.areaText.max}
            value={values.region}
            onChange={(e) => set('region', e.target.value)}
          />
          <SelectField
            label={t('community.groups.country')}
            error={form.problemText('location.country')}
            name="country"
            value={values.country}
            onChange={(e) => set('country', e.target.value)}
          >
            <option value="">{t('community.notSet')}</option>
            <Options items={countries} />
          </SelectField>
        </div>
      ) : (
        <TextField
          label={t('community.eventForm.url')}
          hint={t('community.eventForm.urlHint')}
          error={form.problemText('location.url')}
          name="url"
          type="url"
          inputMode="url"
          maxLength={L.url.max}
          value={values.url}
          onChange={(e) => set('url', e.target.value)}
        />
      )}
      <TextField
        label={t('community.eventForm.capacity')}
        hint={t('community.eventForm.capacityHint', { max: L.capacity.max })}
        error={form.problemText('capacity')}
        name="capacity"
        inputMode="numeric"
        value={values.capacity}
        onChange={(e) => set('capacity', e.target.value)}
      />
      {!editing && groups.length > 0 && (
        <SelectField
          label={t('community.eventForm.group')}
          hint={t('community.eventForm.groupHint')}
          error={form.problemText('groupId')}
          name="groupId"
          value={values.groupId}
          onChange={(e) => set('groupId', e.target.value)}
        >
          <option value="">{t('community.eventForm.noGroup')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
