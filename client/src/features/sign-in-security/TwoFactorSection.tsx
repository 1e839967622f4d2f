import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/errors.ts';
import { TWO_FACTOR_SECTION_ID } from '../../components/EnrolTwoFactorLink.tsx';
import { FormAlert, TextField } from '../../forms/fields.tsx';
import { PasswordField } from '../../forms/PasswordField.tsx';
import { formMessage, type Message } from '../../forms/problems.ts';
import { useForm } from '../../forms/useForm.ts';
import { signInSecurity } from './api.ts';
import './sign-in-security.css';

type Status = { enabled: boolean; recoveryCodesLeft: number };
type Setup = { secret: string; qrSvg: string };

const codeMessage = (error: ApiError): Message =>
  error.code === 'INVALID_INPUT' && 'currentPassword' in error.fields
    ? (tr) => tr('signInSecurity.twoFactor.wrongPassword')
    : error.code === 'INVALID_INPUT'
      ? (tr) => tr('signInSecurity.twoFactor.wrongCode')
      : formMessage(error);

/** Two-step sign-in on the account page: set up (key as QR and text, confirmed by a code), off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const section = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const loaded = status !== null;
  // Arriving from "turn on two-step sign-in" (an admin refused for want of it): the page
  // renders after the browser looked for the anchor, so this section brings itself into view.
  useEffect(() => {
    if (loaded && window.location.hash === `#${TWO_FACTOR_SECTION_ID}`)
      section.current?.scrollIntoView();
  }, [loaded]);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const form = useForm(['code', 'currentPassword'] as const);

  const load = useCallback(async () => {
    setStatus(await signInSecurity.twoFactorStatus());
  }, []);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);

  const run = (action: () => Promise<void>, problems = {}) =>
    void form.submit({ problems, action, messageFor: codeMessage });

  const start = () =>
    run(async () => {
      const made = await signInSecurity.twoFactorSetup();
      setSetup({ secret: made.secret, qrSvg: made.qrSvg });
    });
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    run(
      async () => {
        setCodes(await signInSecurity.twoFactorConfirm(code.trim()));
        setSetup(null);
        setCode('');
        await load();
      },
      code.trim() ? {} : { code: { key: 'required' as const } },
    );
  };
  const disable = (event: FormEvent) => {
    event.preventDefault();
    run(
      async () => {
        await signInSecurity.twoFactorDisable(password, code.trim());
        setPassword('');
        setCode('');
        await load();
      },
      {
        ...(code.trim() ? {} : { code: { key: 'required' as const } }),
        ...(password ? {} : { currentPassword: { key: 'required' as const } }),
      },
    );
  };
  const regenerate = () =>
    run(
      async () => {
        setCodes(await signInSecurity.regenerateRecoveryCodes(password));
        setPassword('');
        await load();
      },
      password ? {} : { currentPassword: { key: 'required' as const } },
    );

  return (
    <section
      id={TWO_FACTOR_SECTION_ID}
      ref={section}
      className="panel account-section"
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{t('signInSecurity.twoFactor.title')}</h2>
      <FormAlert message={form.alert} />
      {codes && (
        <div role="status">
          <h3>{t('signInSecurity.twoFactor.recoveryTitle')}</h3>
          <p>{t('signInSecurity.twoFactor.recoveryText')}</p>
          <ul className="recovery-codes">
            {codes.map((recovery) => (
              <li key={recovery}>{recovery}</li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={() => setCodes(null)}>
            {t('signInSecurity.twoFactor.recoveryDone')}
          </button>
        </div>
      )}
      {status && !status.enabled && !setup && (
        <>
          <p>{t('signInSecurity.twoFactor.off')}</p>
          <button type="button" aria-disabled={form.busy || undefined} onClick={start}>
            {t('signInSecurity.twoFactor.start')}
          </button>
        </>
      )}
      {setup && (
        <form ref={form.formRef} className="form" noValidate onSubmit={confirm}>
          <p>{t('signInSecurity.twoFactor.scan')}</p>
          <div
            className="two-factor-qr"
            role="img"
            aria-label={t('signInSecurity.twoFactor.qrLabel')}
            // The server's own rendering of the QR code (the qrcode package): no script in it.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG made by our server
            dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
          />
          <p>
            {t('signInSecurity.twoFactor.keyLabel')}:{' '}
            <code className="two-factor-key" data-testid="two-factor-key">
              {setup.secret}
            </code>
          </p>
          <TextField
            label={t('signInSecurity.twoFactor.code')}
            error={form.problemText('code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <button type="submit" aria-disabled={form.busy || undefined}>
            {t('signInSecurity.twoFactor.confirm')}
          </button>
        </form>
      )}
      {status?.enabled && (
        <form ref={form.formRef} className="form" noValidate onSubmit={disable}>
          <p>{t('signInSecurity.twoFactor.on', { count: status.recoveryCodesLeft })}</p>
          <PasswordField
            label={t('signInSecurity.twoFactor.password')}
            error={form.problemText('currentPassword')}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          <TextField
            label={t('signInSecurity.twoFactor.disableCode')}
            error={form.problemText('code')}
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="secondary" aria-disabled={form.busy || undefined}>
              {t('signInSecurity.twoFactor.disable')}
            </button>
            <button
              type="button"
              className="secondary"
              aria-disabled={form.busy || undefined}
              onClick={regenerate}
            >
              {t('signInSecurity.twoFactor.regenerate')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
