import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../../components/Page.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import {
  EmailField,
  FormAlert,
  RadioGroup,
  TextAreaField,
  TextField,
} from '../../../forms/fields.tsx';
import { useForm } from '../../../forms/useForm.ts';
import { useHavenStore } from '../../../store/index.ts';
import { ENQUIRY_KINDS } from '../constants.ts';
import { submitChecked } from '../data.ts';
import { PROGRAMME_PATHS } from '../paths.ts';
import type { EnquiryKindValue } from '../types.ts';

const FIELDS = ['kind', 'name', 'email', 'organisation', 'message'] as const;

interface Values {
  kind: EnquiryKindValue | '';
  name: string;
  email: string;
  organisation: string;
  message: string;
}
const EMPTY: Values = { kind: '', name: '', email: '', organisation: '', message: '' };

/** Getting in touch to collaborate; no account needed, and little kept for little time. */
export function CollaboratePage() {
  const { t } = useTranslation();
  const isAdmin = useHavenStore((s) => s.user?.roles.includes('admin') ?? false);
  const whoId = useId();
  const keptId = useId();
  return (
    <Page title={t('sections.collaborate.title')} intro={t('programme.collaborate.intro')}>
      {isAdmin && (
        <p className="page-actions">
          <Link className="button-link" href={PROGRAMME_PATHS.enquiries}>
            {t('programme.enquiries.open')}
          </Link>
        </p>
      )}
      <div className="collaborate-layout">
        <div>
          <section aria-labelledby={whoId}>
            <h2 id={whoId}>{t('programme.collaborate.whoTitle')}</h2>
            <ul className="privacy-list collaborate-who">
              {ENQUIRY_KINDS.filter((kind) => kind !== 'other').map((kind) => (
                <li key={kind}>
                  <p>
                    <strong>{t(`programme.collaborate.kinds.${kind}`)}</strong>
                  </p>
                  <p>{t(`programme.collaborate.kindHints.${kind}`)}</p>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby={keptId} className="privacy-note">
            <h2 id={keptId} className="privacy-note-title">
              {t('programme.collaborate.keptTitle')}
            </h2>
            <p>{t('programme.collaborate.keptWhat')}</p>
            <p>{t('programme.collaborate.keptHowLong')}</p>
            <p>{t('programme.collaborate.keptNoMail')}</p>
          </section>
        </div>
        <EnquiryForm />
      </div>
    </Page>
  );
}

function EnquiryForm() {
  const { t } = useTranslation();
  const form = useForm(FIELDS);
  const [values, setValues] = useState<Values>(EMPTY);
  const [sent, setSent] = useState(false);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent) successRef.current?.focus();
  }, [sent]);

  const change = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind: values.kind || undefined,
      name: values.name,
      email: values.email,
      ...(values.organisation.trim() ? { organisation: values.organisation } : {}),
      message: values.message,
    };
    void submitChecked(form, 'enquiry', body, async (api, checked) => {
      await api.sendEnquiry(checked);
      setValues(EMPTY);
      setSent(true);
    });
  };

  if (sent) {
    return (
      <div ref={successRef} className="panel success-panel" role="status" tabIndex={-1}>
        <h2>{t('programme.collaborate.sentTitle')}</h2>
        <p>{t('programme.collaborate.sentText')}</p>
        <button type="button" className="secondary" onClick={() => setSent(false)}>
          {t('programme.collaborate.another')}
        </button>
      </div>
    );
  }

  return (
    <form ref={form.formRef} className="panel form programme-form" noValidate onSubmit={onSubmit}>
      <h2>{t('programme.collaborate.formTitle')}</h2>
      <FormAlert message={form.alert} />
      <RadioGroup
        legend={t('programme.collaborate.kind')}
        error={form.problemText('kind')}
        name="kind"
        value={values.kind}
        choices={ENQUIRY_KINDS.map((kind) => ({
          value: kind,
          label: t(`programme.collaborate.kinds.${kind}`),
        }))}
        onChange={(kind) => change('kind', kind)}
      />
      <TextField
        label={t('programme.collaborate.name')}
        hint={t('programme.collaborate.nameHint')}
        error={form.problemText('name')}
        name="name"
        autoComplete="name"
        maxLength={120}
        value={values.name}
        onChange={(event) => change('name', event.target.value)}
      />
      <EmailField
        label={t('programme.collaborate.email')}
        hint={t('programme.collaborate.emailHint')}
        error={form.problemText('email')}
        name="email"
        maxLength={254}
        value={values.email}
        onChange={(event) => change('email', event.target.value)}
      />
      <TextField
        label={t('programme.collaborate.organisation')}
        error={form.problemText('organisation')}
        name="organisation"
        autoComplete="organization"
        maxLength={160}
        value={values.organisation}
        onChange={(event) => change('organisation', event.target.value)}
      />
      <TextAreaField
        label={t('programme.collaborate.message')}
        hint={t('programme.collaborate.messageHint')}
        error={form.problemText('message')}
        name="message"
        rows={7}
        maxLength={5000}
        value={values.message}
        onChange={(event) => change('message', event.target.value)}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('programme.collaborate.send')}</SubmitButton>
      </div>
    </form>
  );
}
