import { describe, expect, it } from 'vitest';
import { formatIsoDate, groupCode } from '../../../client/src/features/training/certificates.ts';
import {
  attemptAnswers,
  canMarkDone,
  chooseOption,
  coursesByTrack,
  facilitatorMinutes,
  hoursOf,
  isVideoFile,
  itemState,
  minutesUntil,
  neighbours,
  progressFigures,
  resumeItem,
  unanswered,
} from '../../../client/src/features/training/logic.ts';
import type { CourseDetail, CourseSummary } from '../../../shared/training/learning.ts';

const progress = (minutesDone: number, plannedMinutes: number) => ({
  version: 1,
  minutesDone,
  plannedMinutes,
  completedItems: 0,
  totalItems: 4,
  completed: false,
  completedAt: null,
});

function course(
  id: string,
  track: CourseSummary['track'],
  language: 'en' | 'es',
  minutesDone = 0,
): CourseSummary {
  return {
    id,
    title: id,
    description: '',
    language,
    track,
    prerequisites: [],
    plannedMinutes: 600,
    status: 'published',
    version: 1,
    progress: progress(minutesDone, 600),
  };
}

const item = (id: string, status: 'not-started' | 'started' | 'completed') => ({
  id,
  key: `k-${id}`,
  kind: 'reading' as const,
  title: id,
  minutes: 5,
  progress: { status, minutes: 0 },
});

function detail(...statuses: Array<'not-started' | 'started' | 'completed'>): CourseDetail {
  const items = statuses.map((status, index) => item(`i${index}`, status));
  return {
    ...course('c', 'foundations', 'en'),
    shownVersion: 1,
    newerVersion: null,
    hasUnpublishedChanges: false,
    access: { allowed: true, reason: null, missingPrerequisites: [] },
    modules: [
      { key: 'm1', title: 'One', items: items.slice(0, 2) },
      { key: 'm2', title: 'Two', items: items.slice(2) },
    ],
  };
}

describe('progress text', () => {
  it('says hours with one decimal and a bounded percent', () => {
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(100)).toBe(1.7);
    expect(progressFigures(90, 180)).toEqual({ done: 1.5, planned: 3, percent: 50 });
    expect(progressFigures(400, 180).percent).toBe(100);
    expect(progressFigures(0, 0).percent).toBe(0);
  });

  it('adds the facilitator track toward its 20 hours, and nothing else', () => {
    const courses = [
      course('a', 'facilitator', 'en', 120),
      course('b', 'facilitator', 'es', 30),
      course('c', 'foundations', 'en', 500),
    ];
    expect(facilitatorMinutes(courses)).toBe(150);
  });
});

describe('courses by track', () => {
  it('orders the tracks, the member language first, and leaves out empty tracks', () => {
    const groups = coursesByTrack(
      [
        course('z-en', 'champion', 'en'),
        course('a-es', 'foundations', 'es'),
        course('b-en', 'foundations', 'en'),
      ],
      'en',
    );
    expect(groups.map((g) => g.track)).toEqual(['foundations', 'champion']);
    expect(groups[0]?.courses.map((c) => c.id)).toEqual(['b-en', 'a-es']);
  });
});

describe('items', () => {
  it('names each state and finds where to resume', () => {
    expect(itemState({ status: 'not-started', minutes: 0 })).toBe('notStarted');
    expect(itemState({ status: 'started', minutes: 1 })).toBe('inProgress');
    expect(itemState({ status: 'completed', minutes: 1 })).toBe('done');
    expect(resumeItem(detail('completed', 'completed', 'started'))?.id).toBe('i2');
    expect(resumeItem(detail('completed', 'completed'))).toBeNull();
  });

  it('links the previous and next item across modules, by id or by key', () => {
    const outline = detail('completed', 'started', 'not-started');
    const middle = neighbours(outline, { id: 'i1', key: 'k-i1' });
    expect([middle.previous?.id, middle.next?.id]).toEqual(['i0', 'i2']);
    const otherVersion = neighbours(outline, { id: 'elsewhere', key: 'k-i2' });
    expect([otherVersion.previous?.id, otherVersion.next]).toEqual(['i1', null]);
    expect(neighbours(outline, { id: 'x', key: 'x' })).toEqual({ previous: null, next: null });
  });

  it('marks readings and videos done by hand, not quizzes or finished items', () => {
    expect(canMarkDone({ kind: 'reading', progress: { status: 'started', minutes: 0 } })).toBe(
      true,
    );
    expect(canMarkDone({ kind: 'quiz', progress: { status: 'started', minutes: 0 } })).toBe(false);
    expect(canMarkDone({ kind: 'video', progress: { status: 'completed', minutes: 0 } })).toBe(
      false,
    );
  });

  it('plays video files and links anything else', () => {
    expect(isVideoFile('https://video.example.org/urges.mp4')).toBe(true);
    expect(isVideoFile('https://video.example.org/urges.WEBM?t=1')).toBe(true);
    expect(isVideoFile('https://www.youtube.com/watch?v=abc')).toBe(false);
    expect(isVideoFile('not a url')).toBe(false);
    // Uploaded to Haven: served from the page's own origin, with range requests.
    expect(isVideoFile('/api/training/videos/6b154ef44e2e6905f666d9d1')).toBe(true);
    expect(isVideoFile('/api/training/videos/nope')).toBe(false);
    expect(isVideoFile('/elsewhere/6b154ef44e2e6905f666d9d1')).toBe(false);
  });
});

describe('quiz answers', () => {
  const questions = [
    {
      id: 'q1',
      kind: 'single' as const,
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
    },
    {
      id: 'q2',
      kind: 'multiple' as const,
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
        { id: 'c', text: 'C' },
      ],
    },
  ];

  it('replaces a single choice and toggles a multiple one', () => {
    let answers = chooseOption({}, questions[0] as never, 'a', true);
    answers = chooseOption(answers, questions[0] as never, 'b', true);
    expect(answers.q1).toEqual(['b']);
    answers = chooseOption(answers, questions[1] as never, 'c', true);
    answers = chooseOption(answers, questions[1] as never, 'a', true);
    answers = chooseOption(answers, questions[1] as never, 'c', false);
    expect(answers.q2).toEqual(['a']);
  });

  it('sends every question in option order, unanswered ones empty, nothing unknown', () => {
    const body = attemptAnswers(questions, { q2: ['c', 'a', 'zz'], stray: ['a'] });
    expect(body).toEqual({ answers: { q1: [], q2: ['a', 'c'] } });
    expect(unanswered(questions, { q2: ['a'] })).toBe(1);
  });

  it('says the cool-down in whole minutes, rounded up', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(minutesUntil('2026-03-02T09:04:01Z', now)).toBe(5);
    expect(minutesUntil('2026-03-02T08:59:00Z', now)).toBe(0);
    expect(minutesUntil(null, now)).toBe(0);
  });
});

describe('certificates', () => {
  it('groups a code as printed and dates it the same day everywhere', () => {
    expect(groupCode('ABCDEFGHJKLMNPQR')).toBe('ABCD EFGH JKLM NPQR');
    expect(formatIsoDate('2026-03-02', 'en')).toBe('March 2, 2026');
    expect(formatIsoDate('2026-03-02', 'es')).toBe('2 de marzo de 2026');
  });
});
