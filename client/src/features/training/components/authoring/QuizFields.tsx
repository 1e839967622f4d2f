import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup, TextAreaField, TextField } from '../../../../forms/fields.tsx';
import { nextKey } from '../../authoring.ts';
import { blankQuestion, type ItemForm, type QuestionForm } from '../../authoring-items.ts';

const MAX_OPTIONS = 10;
const MAX_QUESTIONS = 50;

/**
 * A quiz's questions, each with its options, which are correct (one for single choice,
 * radio buttons; any for multiple choice, checkboxes) and the explanation learners read
 * after answering; then the pass mark, attempts and cool-down.
 */
export function QuizFields({
  form,
  onChange,
  problem,
}: {
  form: ItemForm;
  onChange: (patch: Partial<ItemForm>) => void;
  problem: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const questions = form.questions;
  const setQuestion = (index: number, next: QuestionForm) =>
    onChange({ questions: questions.map((q, i) => (i === index ? next : q)) });
  const removeQuestion = (index: number) =>
    onChange({ questions: questions.filter((_, i) => i !== index) });
  const addQuestion = () => onChange({ questions: [...questions, blankQuestion(questions)] });
  const questionsProblem = problem('questions');
  return (
    <>
      {questionsProblem && <p className="field-error">{questionsProblem}</p>}
      {questions.map((question, index) => (
        <QuestionFields
          key={question.id}
          question={question}
          number={index + 1}
          removable={questions.length > 1}
          problem={(field) => problem(`questions.${index}.${field}`)}
          onChange={(next) => setQuestion(index, next)}
          onRemove={() => removeQuestion(index)}
        />
      ))}
      {questions.length < MAX_QUESTIONS && (
        <p>
          <button type="button" className="secondary" onClick={addQuestion}>
            {t('training.authoring.quiz.addQuestion')}
          </button>
        </p>
      )}
      <div className="field-row">
        <TextField
          label={t('training.authoring.quiz.passMark')}
          inputMode="numeric"
          value={form.passMark}
          error={problem('passMark')}
          onChange={(e) => onChange({ passMark: e.target.value })}
        />
        <TextField
          label={t('training.authoring.quiz.attemptLimit')}
          hint={t('training.authoring.quiz.attemptLimitHint')}
          inputMode="numeric"
          value={form.attemptLimit}
          error={problem('attemptLimit')}
          onChange={(e) => onChange({ attemptLimit: e.target.value })}
        />
        <TextField
          label={t('training.authoring.quiz.coolDown')}
          hint={t('training.authoring.quiz.coolDownHint')}
          inputMode="numeric"
          value={form.coolDownMinutes}
          error={problem('coolDownMinutes')}
          onChange={(e) => onChange({ coolDownMinutes: e.target.value })}
        />
      </div>
    </>
  );
}

function QuestionFields({
  question,
  number,
  removable,
  problem,
  onChange,
  onRemove,
}: {
  question: QuestionForm;
  number: number;
  removable: boolean;
  problem: (field: string) => string | undefined;
  onChange: (next: QuestionForm) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const single = question.kind === 'single';
  const set = (patch: Partial<QuestionForm>) => onChange({ ...question, ...patch });
  const setOption = (optionId: string, text: string) =>
    set({ options: question.options.map((o) => (o.id === optionId ? { ...o, text } : o)) });
  const markCorrect = (optionId: string, on: boolean) => {
    const others = question.correct.filter((x) => x !== optionId);
    if (single) set({ correct: on ? [optionId] : [] });
    else set({ correct: on ? [...others, optionId] : others });
  };
  const setKind = (kind: QuestionForm['kind']) =>
    set({ kind, correct: kind === 'single' ? question.correct.slice(0, 1) : question.correct });
  const addOption = () =>
    set({
      options: [
        ...question.options,
        {
          id: nextKey(
            'o',
            question.options.map((o) => o.id),
          ),
          text: '',
        },
      ],
    });
  const removeOption = (optionId: string) =>
    set({
      options: question.options.filter((o) => o.id !== optionId),
      correct: question.correct.filter((x) => x !== optionId),
    });
  const correctProblem = problem('correct') ?? problem('options');
  const correctInput = single ? 'radio' : 'checkbox';
  return (
    <fieldset className="fieldset training-question-editor">
      <legend>{t('training.authoring.quiz.question', { number })}</legend>
      <TextAreaField
        label={t('training.authoring.quiz.prompt', { number })}
        rows={2}
        value={question.prompt}
        error={problem('prompt')}
        onChange={(e) => set({ prompt: e.target.value })}
      />
      <RadioGroup
        legend={t('training.authoring.quiz.kind', { number })}
        name={`${id}-kind`}
        value={question.kind}
        choices={[
          { value: 'single', label: t('training.authoring.quiz.single') },
          { value: 'multiple', label: t('training.authoring.quiz.multiple') },
        ]}
        onChange={setKind}
      />
      <fieldset
        className={`fieldset${correctProblem ? ' field-invalid' : ''}`}
        aria-describedby={correctProblem ? `${id}-correct-error` : `${id}-correct-hint`}
      >
        <legend>{t('training.authoring.quiz.options', { number })}</legend>
        <p id={`${id}-correct-hint`} className="field-hint">
          {single ? t('training.authoring.quiz.markOne') : t('training.authoring.quiz.markAny')}
        </p>
        {correctProblem && (
          <p id={`${id}-correct-error`} className="field-error">
            {correctProblem}
          </p>
        )}
        {question.options.map((option, index) => {
          const optionNumber = index + 1;
          const inputId = `${id}-${option.id}-correct`;
          return (
            <div key={option.id} className="training-option-editor">
              <TextField
                label={t('training.authoring.quiz.option', { number: optionNumber })}
                value={option.text}
                error={problem(`options.${index}.text`)}
                onChange={(e) => setOption(option.id, e.target.value)}
              />
              <div className="check">
                <input
                  id={inputId}
                  type={correctInput}
                  name={`${id}-correct`}
                  checked={question.correct.includes(option.id)}
                  aria-invalid={correctProblem ? true : undefined}
                  onChange={(e) => markCorrect(option.id, e.target.checked)}
                />
                <label htmlFor={inputId}>
                  {t('training.authoring.quiz.correct', { number: optionNumber })}
                </label>
              </div>
              {question.options.length > 2 && (
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => removeOption(option.id)}
                >
                  {t('training.authoring.quiz.removeOption', { number: optionNumber })}
                </button>
              )}
            </div>
          );
        })}
        {question.options.length < MAX_OPTIONS && (
          <p>
            <button type="button" className="small secondary" onClick={addOption}>
              {t('training.authoring.quiz.addOption', { number })}
            </button>
          </p>
        )}
      </fieldset>
      <TextAreaField
        label={t('training.authoring.quiz.explanation', { number })}
        hint={t('training.authoring.quiz.explanationHint')}
        rows={2}
        value={question.explanation}
        error={problem('explanation')}
        onChange={(e) => set({ explanation: e.target.value })}
      />
      {removable && (
        <button type="button" className="small secondary" onClick={onRemove}>
          {t('training.authoring.quiz.removeQuestion', { number })}
        </button>
      )}
    </fieldset>
  );
}
