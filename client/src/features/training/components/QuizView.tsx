import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AttemptBody,
  GradedAttempt,
  LearnerItem,
} from '../../../../../shared/training/learning.ts';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';
import { training } from '../api.ts';
import { type Answers, attemptAnswers, chooseOption, minutesUntil, unanswered } from '../logic.ts';

type Quiz = NonNullable<LearnerItem['quiz']>;

/**
 * A quiz: each question a fieldset of radio buttons (one answer) or checkboxes (several);
 * submitted, the server's grade per question with its explanation. Attempts left and a
 * cool-down's wait are said in words. `grade` replaces the server's grading (the authors'
 * preview grades a draft in the browser).
 */
export function QuizView({
  item,
  quiz,
  onGraded,
  grade = (body) => training.attempt(item.id, body),
}: {
  item: LearnerItem;
  quiz: Quiz;
  onGraded: () => void;
  grade?: (body: AttemptBody) => Promise<GradedAttempt>;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<GradedAttempt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const attemptsLeft = result ? result.attemptsLeft : quiz.attemptsLeft;
  const retryAt = result ? result.retryAt : quiz.retryAt;
  const wait = minutesUntil(retryAt, Date.now());
  const noneLeft = attemptsLeft === 0;
  const blank = unanswered(quiz.questions, answers);
  const graded = new Map((result?.results ?? []).map((r) => [r.questionId, r]));
  const optionText = new Map(
    quiz.questions.flatMap((q) => q.options.map((o) => [`${q.id}/${o.id}`, o.text] as const)),
  );
  const passed = item.progress.status === 'completed';
  const locked = result !== null || busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await grade(attemptAnswers(quiz.questions, answers)));
      onGraded();
    } catch (caught) {
      const apiError = asApiError(caught);
      const rateLimited = apiError.code === 'RATE_LIMITED' && apiError.retryAfter;
      setError(
        rateLimited
          ? t('training.quiz.waitMinutes', { count: Math.ceil((apiError.retryAfter ?? 0) / 60) })
          : t(errorMessageKey(apiError.code)),
      );
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setResult(null);
    setAnswers({});
  };

  return (
    <div className="training-quiz">
      <p>
        {t('training.quiz.passMark', { percent: quiz.passMark })}{' '}
        {attemptsLeft === null
          ? t('training.quiz.unlimited')
          : t('training.quiz.attemptsLeft', { count: attemptsLeft })}
      </p>
      {passed && !result && <p className="training-ok">{t('training.quiz.alreadyPassed')}</p>}
      {wait > 0 && (
        <p className="training-warn" role="status">
          {t('training.quiz.waitMinutes', { count: wait })}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {quiz.questions.map((question, index) => {
          const single = question.kind === 'single';
          const grade = graded.get(question.id);
          return (
            <fieldset key={question.id} className="training-question" disabled={locked}>
              <legend>
                {t('training.quiz.question', { number: index + 1, prompt: question.prompt })}
              </legend>
              <p className="training-meta">
                {single ? t('training.quiz.chooseOne') : t('training.quiz.chooseAny')}
              </p>
              {question.options.map((option) => {
                const inputId = `${item.id}-${question.id}-${option.id}`;
                const checked = (answers[question.id] ?? []).includes(option.id);
                return (
                  <div key={option.id} className="training-option">
                    <input
                      id={inputId}
                      type={single ? 'radio' : 'checkbox'}
                      name={question.id}
                      value={option.id}
                      checked={checked}
                      onChange={(event) =>
                        setAnswers((a) =>
                          chooseOption(a, question, option.id, event.target.checked),
                        )
                      }
                    />
                    <label htmlFor={inputId}>{option.text}</label>
                  </div>
                );
              })}
              {grade && (
                <div className={grade.correct ? 'training-grade-ok' : 'training-grade-bad'}>
                  <p>
                    <strong>
                      {grade.correct ? t('training.quiz.correct') : t('training.quiz.incorrect')}
                    </strong>
                  </p>
                  <p>{grade.explanation}</p>
                  {grade.correctOptionIds && (
                    <p>
                      {t('training.quiz.rightAnswer', {
                        answer: grade.correctOptionIds
                          .map((id) => optionText.get(`${question.id}/${id}`) ?? id)
                          .join(', '),
                      })}
                    </p>
                  )}
                </div>
              )}
            </fieldset>
          );
        })}
        {!result && (
          <>
            {blank > 0 && (
              <p className="training-meta">{t('training.quiz.unanswered', { count: blank })}</p>
            )}
            <button type="submit" disabled={busy || noneLeft || wait > 0}>
              {t('training.quiz.submit')}
            </button>
          </>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {result && (
        <section className="panel training-result" aria-labelledby="quiz-result">
          <h2 id="quiz-result" ref={resultHeading} tabIndex={-1}>
            {result.passed ? t('training.quiz.passed') : t('training.quiz.failed')}
          </h2>
          <p>{t('training.quiz.score', { score: result.score, passMark: quiz.passMark })}</p>
          {!result.passed && !noneLeft && wait === 0 && (
            <button type="button" onClick={again}>
              {t('training.quiz.again')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
