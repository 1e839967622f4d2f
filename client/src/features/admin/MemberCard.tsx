import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../../shared/api/accounts.ts';
import type { PartnerSummary } from '../../../../shared/api/programme/partners.ts';
import { CheckField, FormAlert, FormStatus, SelectField } from '../../forms/fields.tsx';
import { useForm } from '../../forms/useForm.ts';
import { useHavenStore } from '../../store/index.ts';
import { runSave, SaveFailed } from './data.ts';
import {
  draftOf,
  lockedRoles,
  type MemberDraft,
  placeLine,
  planSave,
  problemKey,
  ROLES,
  type SaveStep,
  withRole,
} from './model.ts';

/** The form reports refusals above itself; no field of it is named by the API's hints. */
const NO_FIELDS: readonly string[] = [];

/**
 * One member: name, what they show of their area, their partner link, and a form with a
 * box per role and the partner select, saved with its own button.
 */
export function MemberCard({
  member,
  viewerId,
  partners,
  onSaved,
}: {
  member: PublicUser;
  viewerId: string;
  /** null until the partners have loaded (or when they could not be). */
  partners: PartnerSummary[] | null;
  onSaved: (member: PublicUser) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const rolesHintId = useId();
  const language = useHavenStore((s) => s.language);
  const loadSession = useHavenStore((s) => s.loadSession);
  const form = useForm(NO_FIELDS);
  const [draft, setDraft] = useState<MemberDraft>(() => draftOf(member));
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const failedStep = useRef<SaveStep['kind'] | null>(null);

  const self = member.id === viewerId;
  const locked = lockedRoles(member, viewerId);
  const place = placeLine(member.area, language);
  const partnerName = member.partnerId
    ? (partners?.find((p) => p.id === member.partnerId)?.name ?? t('admin.members.partnerUnknown'))
    : null;
  const unlisted =
    partners !== null && draft.partnerId !== '' && !partners.some((p) => p.id === draft.partnerId);
  const name = member.displayName;

  const change = (next: MemberDraft) => {
    setOutcome(null);
    setDraft(next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (form.busy) return;
    setOutcome(null);
    const steps = planSave(member, draft);
    if (steps.length === 0) {
      setOutcome('unchanged');
      return;
    }
    failedStep.current = null;
    void form.submit({
      problems: {},
      action: async () => {
        try {
          await runSave(member, steps, onSaved);
        } catch (error) {
          if (!(error instanceof SaveFailed)) throw error;
          failedStep.current = error.step.kind;
          throw error.error;
        }
        // The admin changed their own roles: the header and other pages follow.
        if (self) void loadSession();
        setOutcome('saved');
      },
      messageFor: (error) => (tr) => tr(problemKey(failedStep.current, error.code)),
    });
  };

  const saved = outcome === 'saved';
  const unchanged = outcome === 'unchanged';
  let outcomeText: string | null = null;
  if (saved) outcomeText = t('admin.members.saved', { name });
  if (unchanged) outcomeText = t('admin.members.unchanged', { name });

  // Why some boxes cannot change, said once for the group rather than beside each box.
  const ownAdmin = locked.includes('admin');
  const rolesHint = ownAdmin
    ? `${t('admin.members.participantHint')} ${t('admin.members.ownAdminHint')}`
    : t('admin.members.participantHint');

  return (
    <article className="card admin-member" aria-labelledby={headingId}>
      <h2 id={headingId} className="admin-member-name">
        {name}
      </h2>
      {(self || place || partnerName) && (
        <ul className="admin-member-meta">
          {self && <li>{t('admin.members.you')}</li>}
          {partnerName && <li>{t('admin.members.staffOf', { partner: partnerName })}</li>}
          {place && <li>{t('admin.members.area', { place })}</li>}
        </ul>
      )}
      <form ref={form.formRef} className="form admin-member-form" noValidate onSubmit={onSubmit}>
        <FormAlert message={form.alert} />
        <fieldset className="fieldset" aria-describedby={rolesHintId}>
          <legend>{t('admin.members.rolesLegend', { name })}</legend>
          <p id={rolesHintId} className="field-hint">
            {rolesHint}
          </p>
          <div className="admin-roles">
            {ROLES.map((role) => (
              <CheckField
                key={role}
                name="roles"
                label={t(`admin.roles.${role}`)}
                checked={draft.roles.includes(role)}
                disabled={locked.includes(role)}
                onChange={(on) => change(withRole(draft, role, on, locked))}
              />
            ))}
          </div>
        </fieldset>
        {partners && (
          <SelectField
            label={t('admin.members.partner')}
            hint={t('admin.members.partnerHint')}
            name="partnerId"
            value={draft.partnerId}
            onChange={(event) => change({ ...draft, partnerId: event.target.value })}
          >
            <option value="">{t('admin.members.partnerNone')}</option>
            {unlisted && (
              <option value={draft.partnerId}>{t('admin.members.partnerUnknown')}</option>
            )}
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form-actions">
          <button
            type="submit"
            aria-disabled={form.busy || undefined}
            aria-label={form.busy ? undefined : t('admin.members.saveFor', { name })}
          >
            {form.busy ? t('forms.busy') : t('admin.members.save')}
          </button>
          <FormStatus message={outcomeText} />
        </div>
      </form>
    </article>
  );
}
