import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { OwnUser } from '../../../../../shared/api/accounts.ts';
import {
  countryOptions,
  deviceTimeZone,
  languageOptions,
  timeZoneOptions,
} from '../../../account/places.ts';
import { Page } from '../../../components/Page.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import {
  FormAlert,
  Options,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../forms/fields.tsx';
import { CommunityGate } from '../components/CommunityGate.tsx';
import { NotForYou } from '../components/NotForYou.tsx';
import { GROUP_KINDS, COMMUNITY_LIMITS as L } from '../constants.ts';
import { useCommunityForm, useLocale } from '../hooks.ts';
import { COMMUNITY_PATHS } from '../paths.ts';
import { canCreateGroup } from '../permissions.ts';
import { callCommunity, useCommunityStore } from '../store.ts';
import { viewerZone } from '../time.ts';
import { GROUP_FIELDS, type GroupValues, groupBody, validateGroup } from '../validation.ts';

/** `/groups/new`: facilitators, moderators and admins start a group (the server decides). */
export function NewGroupPage() {
  const { t } = useTranslation();
  return (
    <CommunityGate title={t('community.newGroup.title')}>
      {(user) =>
        canCreateGroup(user.roles) ? (
          <GroupForm user={user} />
        ) : (
          <Page title={t('community.newGroup.title')}>
            <NotForYou
              text={t('community.newGroup.notAllowed')}
              back={COMMUNITY_PATHS.groups}
              backLabel={t('community.groups.back')}
            />
          </Page>
        )
      }
    </CommunityGate>
  );
}

function GroupForm({ user }: { user: OwnUser }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const locale = useLocale();
  const showNotice = useCommunityStore((s) => s.showNotice);
  const form = useCommunityForm(GROUP_FIELDS);
  const device = useMemo(deviceTimeZone, []);
  const [values, setValues] = useState<GroupValues>(() => ({
    name: '',
    description: '',
    language: user.languages[0] ?? locale,
    kind: 'area',
    country: user.area.country ?? '',
    region: user.area.region ?? '',
    city: user.area.city ?? '',
    topic: '',
    timeZone: viewerZone(user.timeZone, device),
  }));
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const languages = useMemo(
    () => languageOptions(locale, [values.language]),
    [locale, values.language],
  );
  const zones = useMemo(
    () => timeZoneOptions(locale, [values.timeZone]),
    [locale, values.timeZone],
  );
  const set = <K extends keyof GroupValues>(key: K, value: GroupValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const isTopic = values.kind === 'topic';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      problems: validateGroup(values),
      action: async () => {
        const group = await callCommunity((api) => api.createGroup(groupBody(values)));
        const path = COMMUNITY_PATHS.group(group.id);
        showNotice({ key: 'groupCreated', path });
        navigate(path);
      },
    });
  };

  return (
    <Page title={t('community.newGroup.title')} intro={t('community.newGroup.intro')}>
      <form ref={form.formRef} className="panel form cm-form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <TextField
          label={t('community.newGroup.name')}
          hint={t('community.newGroup.nameHint')}
          error={form.problemText('name')}
          name="name"
          maxLength={L.groupName.max}
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <TextAreaField
          label={t('community.newGroup.description')}
          hint={t('community.newGroup.descriptionHint')}
          error={form.problemText('description')}
          name="description"
          maxLength={L.groupDescription.max}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
        />
        <RadioGroup
          legend={t('community.newGroup.kind')}
          name="kind"
          value={values.kind}
          onChange={(kind) => set('kind', kind)}
          choices={GROUP_KINDS.map((kind) => ({
            value: kind,
            label: t(`community.groups.kinds.${kind}`),
            hint: t(`community.newGroup.kindHints.${kind}`),
          }))}
        />
        {isTopic && (
          <TextField
            label={t('community.newGroup.topic')}
            hint={t('community.newGroup.topicHint')}
            error={form.problemText('topic')}
            name="topic"
            maxLength={L.groupTopic.max}
            value={values.topic}
            onChange={(e) => set('topic', e.target.value)}
          />
        )}
        <fieldset className="fieldset">
          <legend>
            {t(isTopic ? 'community.newGroup.areaOptional' : 'community.newGroup.area')}
          </legend>
          <div className="field-row">
            <SelectField
              label={t('community.groups.country')}
              error={form.problemText('area.country')}
              name="country"
              value={values.country}
              onChange={(e) => set('country', e.target.value)}
            >
              <option value="">{t('community.notSet')}</option>
              <Options items={countries} />
            </SelectField>
            <TextField
              label={t('community.newGroup.region')}
              error={form.problemText('area.region')}
              name="region"
              maxLength={L.areaText.max}
              value={values.region}
              onChange={(e) => set('region', e.target.value)}
            />
            <TextField
              label={t('community.groups.city')}
              error={form.problemText('area.city')}
              name="city"
              maxLength={L.areaText.max}
              value={values.city}
              onChange={(e) => set('city', e.target.value)}
            />
          </div>
        </fieldset>
        <div className="field-row">
          <SelectField
            label={t('community.groups.language')}
            error={form.problemText('language')}
            name="language"
            value={values.language}
            onChange={(e) => set('language', e.target.value)}
          >
            <Options items={languages} />
          </SelectField>
          <SelectField
            label={t('community.groups.timeZone')}
            hint={t('community.newGroup.timeZoneHint')}
            error={form.problemText('timeZone')}
            name="timeZone"
            value={values.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
          >
            <Options items={zones} />
          </SelectField>
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('community.newGroup.submit')}</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
