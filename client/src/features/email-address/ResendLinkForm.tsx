import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../forms/buttons.tsx';
import { EmailField, FormAlert, FormStatus } from '../../forms/fields.tsx';
import { useForm } from '../../forms/useForm.ts';
import { validateSignIn } from '../../forms/validation.ts';
import { useHavenStore } from '../../store/index.ts';

const FIELDS = ['email'] as const;

/** "Send the link again": the same answer for any address, so it tells nobody who joined. */
export function ResendLinkForm({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const resend = useHavenStore((s) => s.resendVerification);
  const form = useForm(FIELDS);
  const [email, setEmail] = useState(initialEmail);
  const [sent, setSent] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const { email: problem } = validateSignIn({ email, password: 'x' });
    void form.submit({
      problems: problem ? { email: problem } : {},
      action: async () => {
        await resend(email);
        setSent(true);
      },
    });
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('emailAddress.resend.title')}</h2>
      <form ref={form.formRef} className="form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <EmailField
          label={t('emailAddress.resend.email')}
          error={form.problemText('email')}
          name="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('emailAddress.resend.submit')}</SubmitButton>
          <FormStatus message={sent ? t('emailAddress.resend.sent') : null} />
        </div>
      </form>
    </section>
  );
}
