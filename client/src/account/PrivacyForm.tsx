import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnUser } from '../../../shared/api/accounts.ts';
import { SubmitButton } from '../forms/buttons.tsx';
import { CheckField, FormAlert, FormStatus } from '../forms/fields.tsx';
import { useForm } from '../forms/useForm.ts';
import { useHavenStore } from '../store/index.ts';

const FIELDS = [
  'privacy.showInGroupMemberLists',
  'privacy.showArea',
  'privacy.appearOffline',
  'privacy.showLastSeen',
  'privacy.acceptContactRequests',
] as const;

/**
 * Each choice says plainly what it does; all start at the most private setting but contact
 * requests (shared/api/accounts.ts says why).
 */
export function PrivacyForm({ user }: { user: OwnUser }) {
  const { t } = useTranslation();
  const headingId = useId();
  const updateProfile = useHavenStore((s) => s.updateProfile);
  const form = useForm(FIELDS);
  const [privacy, setPrivacy] = useState(() => ({ ...user.privacy }));
  const [saved, setSaved] = useState(false);

  const change = (key: keyof typeof privacy, value: boolean) => {
    setSaved(false);
    setPrivacy((current) => ({ ...current, [key]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void form
      .submit({ problems: {}, action: async () => void (await updateProfile({ privacy })) })
      .then((ok) => {
        if (ok) setSaved(true);
      });
  };

  return (
    <section className="panel account-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.privacy.title')}</h2>
      <p className="section-intro">{t('account.privacy.intro')}</p>
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <CheckField
          name="showInGroupMemberLists"
          label={t('account.privacy.showInGroupMemberLists')}
          hint={t('account.privacy.showInGroupMemberListsHint')}
          checked={privacy.showInGroupMemberLists}
          onChange={(checked) => change('showInGroupMemberLists', checked)}
        />
        <CheckField
          name="showArea"
          label={t('account.privacy.showArea')}
          hint={t('account.privacy.showAreaHint')}
          checked={privacy.showArea}
          onChange={(checked) => change('showArea', checked)}
        />
        <CheckField
          name="appearOffline"
          label={t('account.privacy.appearOffline')}
          hint={t('account.privacy.appearOfflineHint')}
          checked={privacy.appearOffline}
          onChange={(checked) => change('appearOffline', checked)}
        />
        <CheckField
          name="showLastSeen"
          label={t('account.privacy.showLastSeen')}
          hint={t('account.privacy.showLastSeenHint')}
          checked={privacy.showLastSeen}
          onChange={(checked) => change('showLastSeen', checked)}
        />
        <CheckField
          name="acceptContactRequests"
          label={t('account.privacy.acceptContactRequests')}
          hint={t('account.privacy.acceptContactRequestsHint')}
          checked={privacy.acceptContactRequests}
          onChange={(checked) => change('acceptContactRequests', checked)}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('account.privacy.save')}</SubmitButton>
          <FormStatus message={saved ? t('account.privacy.saved') : null} />
        </div>
      </form>
    </section>
  );
}
