import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnUser } from '../../../../shared/api/accounts.ts';
import { SubmitButton } from '../../forms/buttons.tsx';
import { FormAlert, TextField } from '../../forms/fields.tsx';
import { formMessage } from '../../forms/problems.ts';
import { useForm } from '../../forms/useForm.ts';
import { useHavenStore } from '../../store/index.ts';

const FIELDS = ['code'] as const;

/** Sign-in's second step, once the password was right: a code from the app or a recovery code. */
export function TwoFactorStep({ onSignedIn }: { onSignedIn: (member: OwnUser) => void }) {
  const { t } = useTranslation();
  const signInWithCode = useHavenStore((s) => s.signInWithCode);
  const form = useForm(FIELDS);
  const [code, setCode] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit({
      problems: code.trim() ? {} : { code: { key: 'required' as const } },
      action: async () => onSignedIn(await signInWithCode(code.trim())),
      messageFor: (error) =>
        error.code === 'INVALID_INPUT'
          ? (tr) => tr('signInSecurity.step.wrongCode')
          : error.code === 'UNAUTHENTICATED'
            ? (tr) => tr('signInSecurity.step.expired')
            : formMessage(error),
    });
  };

  return (
    <form ref={form.formRef} className="panel form" noValidate onSubmit={onSubmit}>
      <h2>{t('signInSecurity.step.title')}</h2>
      <p>{t('signInSecurity.step.text')}</p>
      <FormAlert message={form.alert} />
      <TextField
        label={t('signInSecurity.step.code')}
        hint={t('signInSecurity.step.hint')}
        error={form.problemText('code')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      <SubmitButton busy={form.busy}>{t('signInSecurity.step.submit')}</SubmitButton>
    </form>
  );
}
