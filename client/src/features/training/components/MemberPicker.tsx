import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckField } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { type Candidate, mergeCandidates, toggleId } from '../cohort-logic.ts';
import { trainers } from '../trainers-api.ts';

/**
 * The members of a cohort, chosen with checkboxes. Trainers cannot search the member
 * directory (it is the admins'), so the page offers the members it can name: a partner's
 * staff (public on the partner's page), learners who sent a written exercise (the review
 * queue), the cohort's own members; admins also find anyone by name. Inside another form:
 * the search is a plain button and Enter in its box, never a nested form.
 */
export function MemberPicker({
  candidates,
  chosen,
  onChange,
  canSearch,
  language,
}: {
  candidates: readonly Candidate[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  canSearch: boolean;
  language: string;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Candidate[]>([]);
  const [searchSaid, setSearchSaid] = useState('');
  const list = mergeCandidates([candidates, found], language);

  const search = () => {
    const q = query.trim();
    if (!q) return;
    setSearchSaid(t('loadStatus.loading'));
    trainers
      .searchMembers(q)
      .then((members) => {
        // Earlier finds stay offered, so a member ticked from an older search stays visible.
        setFound((before) => [
          ...before,
          ...members.map((m) => ({
            id: m.id,
            displayName: m.displayName,
            source: 'search' as const,
          })),
        ]);
        setSearchSaid(t('training.cohorts.picker.found', { count: members.length }));
      })
      .catch((error: unknown) => setSearchSaid(t(errorMessageKey(asApiError(error).code))));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    search();
  };

  return (
    <fieldset className="fieldset training-picker">
      <legend>{t('training.cohorts.picker.legend')}</legend>
      <p className="field-hint">
        {canSearch ? t('training.cohorts.picker.hintAdmin') : t('training.cohorts.picker.hint')}
      </p>
      {canSearch && (
        <div className="field training-picker-search">
          <label htmlFor={searchId}>{t('training.cohorts.picker.search')}</label>
          <div className="training-inline">
            <input
              id={searchId}
              type="search"
              autoComplete="off"
              maxLength={40}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onKeyDown}
            />
            <button type="button" className="secondary" onClick={search}>
              {t('training.cohorts.picker.searchButton')}
            </button>
          </div>
          <p role="status" className="field-hint">
            {searchSaid}
          </p>
        </div>
      )}
      {list.length === 0 && <p>{t('training.cohorts.picker.none')}</p>}
      <ul className="training-candidates">
        {list.map((candidate) => (
          <li key={candidate.id}>
            <CheckField
              label={candidate.displayName}
              hint={t(`training.cohorts.picker.source.${candidate.source}`)}
              checked={chosen.includes(candidate.id)}
              onChange={(on) => onChange(toggleId(chosen, candidate.id, on))}
            />
          </li>
        ))}
      </ul>
      <p className="training-meta">
        {t('training.cohorts.picker.chosen', { count: chosen.length })}
      </p>
    </fieldset>
  );
}
