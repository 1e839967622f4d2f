import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { MembersOnly } from '../../../components/MembersOnly.tsx';
import { Page } from '../../../components/Page.tsx';
import { pointName } from '../../../components/PointBadge.tsx';
import { SubmitButton } from '../../../forms/buttons.tsx';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../../forms/fields.tsx';
import { useForm } from '../../../forms/useForm.ts';
import { submitChecked } from '../data.ts';
import { leaveNotice } from '../notice.ts';
import { PROGRAMME_PATHS, proposalPath } from '../paths.ts';

const MAX_EVIDENCE = 30;

interface Evidence {
  citation: string;
  url: string;
}

/** "Propose a tool": what it is, which point it serves, and the evidence behind it. */
export function ProposeFormPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('programme.propose.title')} intro={t('programme.propose.intro')}>
      <p className="back-link">
        <Link href={PROGRAMME_PATHS.proposals}>{t('programme.proposal.back')}</Link>
      </p>
      <MembersOnly text={t('programme.proposals.signedOut')}>
        {(user) => <ProposeForm key={user.id} />}
      </MembersOnly>
    </Page>
  );
}

function ProposeForm() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [point, setPoint] = useState('');
  const [description, setDescription] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([{ citation: '', url: '' }]);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const fields = useMemo(
    () => [
      'title',
      'point',
      'description',
      'evidence',
      ...evidence.flatMap((_, i) => [`evidence.${i}.citation`, `evidence.${i}.url`]),
    ],
    [evidence],
  );
  const form = useForm<string>(fields);
  const formRef = form.formRef;

  useEffect(() => {
    if (!focusTarget) return;
    formRef.current?.querySelector<HTMLElement>(`[data-focus="${focusTarget}"]`)?.focus();
    setFocusTarget(null);
  }, [focusTarget, formRef]);

  const setEntry = (index: number, change: Partial<Evidence>) =>
    setEvidence((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      title,
      point: point ? Number(point) : undefined,
      description,
      evidence: evidence.map((item) => ({
        citation: item.citation,
        ...(item.url.trim() ? { url: item.url.trim() } : {}),
      })),
    };
    void submitChecked(form, 'proposal', body, async (api, checked) => {
      const proposal = await api.propose(checked);
      leaveNotice('proposalSent', proposalPath(proposal.id));
      navigate(proposalPath(proposal.id));
    });
  };

  const full = evidence.length >= MAX_EVIDENCE;
  return (
    <form ref={formRef} className="panel form programme-form" noValidate onSubmit={onSubmit}>
      <FormAlert message={form.alert} />
      <TextField
        label={t('programme.propose.name')}
        hint={t('programme.propose.nameHint')}
        error={form.problemText('title')}
        name="title"
        maxLength={120}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <SelectField
        label={t('programme.propose.point')}
        hint={t('programme.propose.pointHint')}
        error={form.problemText('point')}
        name="point"
        value={point}
        onChange={(event) => setPoint(event.target.value)}
      >
        <option value="">{t('programme.worksheet.choose')}</option>
        {([1, 2, 3, 4] as const).map((n) => (
          <option key={n} value={n}>
            {pointName(t, n)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('programme.propose.description')}
        hint={t('programme.propose.descriptionHint')}
        error={form.problemText('description')}
        name="description"
        rows={8}
        maxLength={5000}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <fieldset className="fieldset worksheet-list">
        <legend>{t('programme.propose.evidence')}</legend>
        <p className="field-hint">{t('programme.propose.evidenceHint')}</p>
        {evidence.map((item, index) => {
          const name = t('programme.propose.source', { number: index + 1 });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: sources are known by their place
            <fieldset key={index} className="fieldset worksheet-entry">
              <legend>{name}</legend>
              <TextAreaField
                label={t('programme.propose.citation')}
                hint={t('programme.propose.citationHint')}
                error={form.problemText(`evidence.${index}.citation`)}
                data-focus={`evidence.${index}`}
                rows={2}
                maxLength={500}
                value={item.citation}
                onChange={(event) => setEntry(index, { citation: event.target.value })}
              />
              <TextField
                label={t('programme.propose.url')}
                hint={t('programme.propose.urlHint')}
                error={form.problemText(`evidence.${index}.url`)}
                type="url"
                inputMode="url"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={500}
                value={item.url}
                onChange={(event) => setEntry(index, { url: event.target.value })}
              />
              {evidence.length > 1 && (
                <div className="form-actions">
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={t('programme.worksheet.removeNamed', { name })}
                    onClick={() => {
                      setEvidence((list) => list.filter((_, i) => i !== index));
                      setFocusTarget('evidence.add');
                    }}
                  >
                    {t('programme.worksheet.remove')}
                  </button>
                </div>
              )}
            </fieldset>
          );
        })}
        <div className="form-actions">
          <button
            type="button"
            className="secondary small"
            data-focus="evidence.add"
            aria-disabled={full || undefined}
            onClick={() => {
              if (full) return;
              setEvidence((list) => [...list, { citation: '', url: '' }]);
              setFocusTarget(`evidence.${evidence.length}`);
            }}
          >
            {t('programme.propose.addSource')}
          </button>
        </div>
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('programme.propose.submit')}</SubmitButton>
      </div>
    </form>
  );
}
