import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportSettings } from '../../../../shared/api/support.ts';
import { countryOptions } from '../../account/places.ts';
import { isApiError } from '../../api/errors.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Page } from '../../components/Page.tsx';
import { FormAlert, FormStatus, SelectField, TextField } from '../../forms/fields.tsx';
import { asApiError } from '../../forms/problems.ts';
import { errorMessageKey } from '../../i18n/index.ts';
import { useHavenStore } from '../../store/index.ts';
import { AdminOnly, LoadFailed, Loading, NotAllowed } from '../admin/components.tsx';
import { LineEditor } from './AdminLineEditor.tsx';
import { callSupport, useSupportData } from './data.ts';
import {
  countryName,
  draftOf,
  emptyLine,
  GENERAL,
  LIMITS,
  type LineDraft,
  moveLine,
  type Problems,
  problemsFromServer,
  type SettingsDraft,
  toSettingsInput,
  validateDraft,
} from './model.ts';
import './support.css';

/**
 * /admin/support: admins edit each country's crisis lines and donation link. The server
 * refuses anyone else regardless; this page only spares them the request.
 */
export function AdminSupportPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('support.admin.title')}>
      <AdminOnly>{() => <SupportAdmin />}</AdminOnly>
    </Page>
  );
}

function SupportAdmin() {
  const { t } = useTranslation();
  const language = useHavenStore((s) => s.language);
  const { state, reload } = useSupportData('admin:all', (api) => api.all());
  const [country, setCountry] = useState<string>(GENERAL);
  // What this page saved or deleted since loading, over the loaded list.
  const [changed, setChanged] = useState<Record<string, SupportSettings | null>>({});
  const countries = useMemo(() => countryOptions(language), [language]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') {
    if (state.error === 'FORBIDDEN') return <NotAllowed />;
    return <LoadFailed error={state.error} onRetry={reload} />;
  }
  const byCountry = new Map(state.data.map((s) => [s.country as string, s]));
  for (const [key, value] of Object.entries(changed)) {
    if (value) byCountry.set(key, value);
    else byCountry.delete(key);
  }
  const nameOf = (code: string) =>
    code === GENERAL ? t('support.admin.generalOption') : countryName(code, language);
  const record = (key: string, value: SupportSettings | null) =>
    setChanged((previous) => ({ ...previous, [key]: value }));

  return (
    <>
      <p className="page-intro">{t('support.admin.intro')}</p>
      <p className="crisis-emergency">{t('support.admin.exampleWarning')}</p>
      <div className="support-country">
        <SelectField
          label={t('support.admin.country')}
          hint={t('support.admin.countryHint')}
          name="country"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        >
          <option value={GENERAL}>{t('support.admin.generalOption')}</option>
          {/* One stable list (options never move), so the chosen one stays chosen after a save. */}
          {countries.map((option) => (
            <option key={option.value} value={option.value}>
              {byCountry.has(option.value)
                ? t('support.admin.withSettings', { country: option.label })
                : option.label}
            </option>
          ))}
        </SelectField>
      </div>
      <SettingsEditor
        key={country}
        country={country}
        name={nameOf(country)}
        current={byCountry.get(country)}
        onSaved={(settings) => record(country, settings)}
        onDeleted={() => record(country, null)}
      />
    </>
  );
}

function SettingsEditor({
  country,
  name,
  current,
  onSaved,
  onDeleted,
}: {
  country: string;
  name: string;
  current: SupportSettings | undefined;
  onSaved: (settings: SupportSettings) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(current));
  const [problems, setProblems] = useState<Problems>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idOf = (line: LineDraft, part: string) => `${baseId}-${line.key}-${part}`;
  const focusSoon = (id: string, inside?: string) =>
    requestAnimationFrame(() => {
      const element = document.getElementById(id);
      (inside ? element?.querySelector<HTMLElement>(inside) : element)?.focus();
    });

  const setLines = (lines: LineDraft[]) => {
    setDraft((previous) => ({ ...previous, lines }));
    setStatus(null);
  };
  const updateLine = (index: number, line: LineDraft) =>
    setLines(draft.lines.map((l, i) => (i === index ? line : l)));
  const addLine = () => {
    const line = emptyLine();
    setLines([...draft.lines, line]);
    focusSoon(idOf(line, 'line'), 'input');
  };
  const removeLine = (index: number) => {
    setLines(draft.lines.filter((_, i) => i !== index));
    setProblems({});
    focusSoon(`${baseId}-add`);
  };
  const move = (index: number, delta: -1 | 1) => {
    const line = draft.lines[index];
    if (!line) return;
    setLines(moveLine(draft.lines, index, delta));
    setProblems({});
    // Keep focus on the moved line's button; at either end, on its other one.
    const atEnd = index + delta === 0 || index + delta === draft.lines.length - 1;
    const same = delta === -1 ? 'up' : 'down';
    focusSoon(idOf(line, atEnd ? (same === 'up' ? 'down' : 'up') : same));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const found = validateDraft(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setAlert(t('support.admin.fixProblems'));
      return;
    }
    setAlert(null);
    setBusy(true);
    try {
      const saved = await callSupport((api) => api.save(country, toSettingsInput(draft)));
      setDraft(draftOf(saved));
      onSaved(saved);
      setStatus(t('support.admin.saved', { country: name }));
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.code === 'INVALID_INPUT') setProblems(problemsFromServer(apiError.fields));
      setAlert(
        apiError.code === 'INVALID_INPUT'
          ? t('support.admin.fixProblems')
          : t(errorMessageKey(apiError.code)),
      );
    } finally {
      setBusy(false);
    }
  };

  const problemText = (key: string) => {
    const problem = problems[key];
    return problem ? t(`support.admin.problems.${problem}`) : undefined;
  };

  return (
    // The delete button's dialog holds a form of its own, so it sits outside this one.
    <div className="support-admin-editor">
      <form className="support-admin-form" noValidate onSubmit={onSubmit}>
        <h2>{t('support.admin.editing', { country: name })}</h2>
        {!current && <p>{t('support.admin.nothingYet', { country: name })}</p>}
        <fieldset className="support-admin-lines">
          <legend>{t('support.admin.linesLegend')}</legend>
          {problems.lines && <p className="field-error">{problemText('lines')}</p>}
          {draft.lines.map((line, index) => (
            <LineEditor
              key={line.key}
              line={line}
              index={index}
              count={draft.lines.length}
              idOf={(part) => idOf(line, part)}
              problemOf={(field) => problemText(`${index}.${field}`)}
              onChange={(next) => updateLine(index, next)}
              onMove={(delta) => move(index, delta)}
              onRemove={() => removeLine(index)}
            />
          ))}
          <p>
            <button
              type="button"
              id={`${baseId}-add`}
              className="secondary"
              aria-disabled={draft.lines.length >= LIMITS.lines || undefined}
              aria-describedby={`${baseId}-max`}
              onClick={() => draft.lines.length < LIMITS.lines && addLine()}
            >
              {t('support.admin.addLine')}
            </button>{' '}
            <span id={`${baseId}-max`} className="field-hint">
              {t('support.admin.maxLines', { max: LIMITS.lines })}
            </span>
          </p>
        </fieldset>
        <TextField
          label={t('support.admin.donationUrl')}
          hint={t('support.admin.donationHint')}
          name="donationUrl"
          type="url"
          inputMode="url"
          maxLength={LIMITS.url}
          value={draft.donationUrl}
          error={problemText('donationUrl')}
          onChange={(event) => {
            const donationUrl = event.target.value;
            setDraft((previous) => ({ ...previous, donationUrl }));
            setStatus(null);
          }}
        />
        <FormAlert message={alert} />
        <FormStatus message={status} />
        <div className="support-admin-actions">
          <button type="submit" aria-disabled={busy || undefined}>
            {busy ? t('support.admin.saving') : t('support.admin.save', { country: name })}
          </button>
        </div>
      </form>
      {current && country !== GENERAL && (
        <ConfirmButton
          label={t('support.admin.delete', { country: name })}
          title={t('support.admin.deleteTitle', { country: name })}
          text={t('support.admin.deleteText', { country: name })}
          confirmLabel={t('support.admin.deleteConfirm')}
          cancelLabel={t('support.admin.cancel')}
          onConfirm={async () => {
            try {
              await callSupport((api) => api.remove(country));
            } catch (error) {
              // Already gone (another admin): the outcome wanted.
              if (!(isApiError(error) && error.code === 'NOT_FOUND')) throw error;
            }
            return () => {
              setDraft(draftOf(undefined));
              setProblems({});
              onDeleted();
              setStatus(t('support.admin.deleted', { country: name }));
            };
          }}
        />
      )}
    </div>
  );
}
