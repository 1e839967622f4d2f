import type { QuestionInput } from './content.ts';

/**
 * How a quiz is graded, once: the server grades learners' attempts with it, and the authors'
 * preview in the browser grades with it too, so a preview scores as the real quiz will.
 * A question is right when the chosen options are exactly the correct ones; unanswered is wrong.
 */
export function gradeQuiz(
  quiz: { questions: QuestionInput[]; passMark: number },
  chosen: ReadonlyMap<string, ReadonlySet<string>>,
) {
  const results = quiz.questions.map((question) => {
    const picked = chosen.get(question.id) ?? new Set<string>();
    const correct =
      picked.size === question.correct.length && question.correct.every((id) => picked.has(id));
    return { question, correct };
  });
  const right = results.filter((result) => result.correct).length;
  const score = Math.round((100 * right) / quiz.questions.length);
  return { results, score, passed: score >= quiz.passMark };
}
