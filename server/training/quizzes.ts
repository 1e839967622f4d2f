import { Types } from 'mongoose';
import type { QuestionInput } from '../../shared/training/content.ts';
import { gradeQuiz } from '../../shared/training/grading.ts';
import type { GradedAttempt } from '../../shared/training/learning.ts';
import { AppError } from '../infra/errors.ts';
import { isDuplicateKey, itemForAction, type Learner, type TrainingCore } from './access.ts';
import type { AttemptDoc, ItemDoc } from './models.ts';
import { completeItem, startItem } from './progress.ts';

export interface QuizContent {
  questions: QuestionInput[];
  passMark: number;
  attemptLimit: number | null;
  coolDownMinutes: number | null;
}

export const quizOf = (item: ItemDoc) => item.content as unknown as QuizContent;

/** Refuses answers naming questions or options the quiz does not have. */
function checkAnswers(
  quiz: QuizContent,
  answers: Record<string, string[]>,
): Map<string, Set<string>> {
  const fields: Record<string, string[]> = {};
  const chosen = new Map<string, Set<string>>();
  const questions = new Map(quiz.questions.map((question) => [question.id, question]));
  for (const [questionId, optionIds] of Object.entries(answers)) {
    const question = questions.get(questionId);
    if (!question) {
      fields[`answers.${questionId}`] = ['is not a question of this quiz'];
      continue;
    }
    const options = new Set(question.options.map((option) => option.id));
    const picked = new Set(optionIds);
    if ([...picked].some((id) => !options.has(id)))
      fields[`answers.${questionId}`] = ['names an option this question does not have'];
    else if (question.kind === 'single' && picked.size > 1)
      fields[`answers.${questionId}`] = ['a single-choice question takes one option'];
    chosen.set(questionId, picked);
  }
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', 'invalid body', fields);
  return chosen;
}

export async function attemptsOf(
  core: TrainingCore,
  userId: string,
  item: ItemDoc,
): Promise<AttemptDoc[]> {
  return core.models.Attempt.find({
    userId: new Types.ObjectId(userId),
    courseId: item.courseId,
    itemKey: item.key,
  })
    .sort({ number: 1 })
    .lean<AttemptDoc[]>();
}

/**
 * Attempts left and when the next may start. Attempts count per quiz key, across versions
 * of the course, so moving to a new version does not hand out new attempts.
 */
export function attemptState(quiz: QuizContent, attempts: AttemptDoc[], now: number) {
  const attemptsLeft =
    quiz.attemptLimit === null ? null : Math.max(0, quiz.attemptLimit - attempts.length);
  const last = attempts.at(-1);
  const readyAt =
    last && quiz.coolDownMinutes ? last.createdAt.getTime() + quiz.coolDownMinutes * 60_000 : null;
  const retryAt =
    readyAt !== null && readyAt > now && attemptsLeft !== 0
      ? new Date(readyAt).toISOString()
      : null;
  return { attemptsLeft, retryAt, readyAt };
}

/** `POST /api/items/:id/attempts`: graded here; the answers and explanations leave only now. */
export async function submitAttempt(
  core: TrainingCore,
  learner: Learner,
  itemId: string,
  answers: Record<string, string[]>,
): Promise<GradedAttempt> {
  const { item, course } = await itemForAction(core, learner, itemId);
  if (item.kind !== 'quiz') throw new AppError('INVALID_TRANSITION', 'only a quiz takes attempts');
  const quiz = quizOf(item);
  const chosen = checkAnswers(quiz, answers);
  const previous = await attemptsOf(core, learner.id, item);
  const now = core.now();
  const before = attemptState(quiz, previous, now);
  if (before.attemptsLeft === 0)
    throw new AppError('INVALID_TRANSITION', 'no attempts left at this quiz');
  if (before.readyAt !== null && before.readyAt > now)
    throw AppError.rateLimited('wait before the next attempt', before.readyAt - now);

  const { results, score, passed } = gradeQuiz(quiz, chosen);
  await startItem(core, learner.id, course._id, item.key);
  let created: AttemptDoc;
  try {
    const doc = await core.models.Attempt.create({
      userId: learner.id,
      courseId: course._id,
      itemId: item._id,
      itemKey: item.key,
      number: previous.length + 1,
      answers: Object.fromEntries([...chosen].map(([id, picked]) => [id, [...picked].sort()])),
      score,
      passed,
      createdAt: new Date(now),
    });
    created = doc.toObject() as AttemptDoc;
  } catch (error) {
    // The unique (learner, quiz, number) index: another attempt landed at the same moment.
    if (isDuplicateKey(error))
      throw new AppError('CONFLICT', 'another attempt was submitted at the same time');
    throw error;
  }
  if (passed) await completeItem(core, learner.id, course, item.key);

  const after = attemptState(quiz, [...previous, created], now);
  const passedEver = passed || previous.some((attempt) => attempt.passed);
  const reveal = passedEver || after.attemptsLeft === 0;
  return {
    id: String(created._id),
    number: created.number,
    score,
    passed,
    createdAt: created.createdAt.toISOString(),
    results: results.map(({ question, correct }) => ({
      questionId: question.id,
      correct,
      explanation: question.explanation,
      correctOptionIds: reveal ? question.correct : null,
    })),
    attemptsLeft: after.attemptsLeft,
    retryAt: after.retryAt,
  };
}
