import type { z } from 'zod';
import type { courseCreateBody } from '../../../shared/training/content.ts';
import { WELCOME_CAPTIONS_EN } from './welcome-captions.ts';

/** Foundations (English): the four points, for any member who wants to understand the tools. */
export const FOUNDATIONS_EN: z.input<typeof courseCreateBody> = {
  title: 'Foundations: the 4-Point Program',
  description:
    'What the four points are, why they help, and how members use them between meetings. Open to everyone.',
  language: 'en',
  track: 'foundations',
  plannedMinutes: 90,
  modules: [
    {
      key: 'four-points',
      title: 'The four points',
      items: [
        {
          key: 'welcome-video',
          kind: 'video',
          title: 'Welcome: why four points?',
          url: 'https://videos.haven.example/foundations/welcome-en.mp4',
          durationSeconds: 360,
          captionsVtt: WELCOME_CAPTIONS_EN,
          transcript:
            'Welcome. Recovery is not one decision, it is many small ones. The four points give those decisions a shape: building and keeping your motivation, coping with urges, managing your thoughts, feelings and behaviours, and living a balanced life. You do not have to master them in order. Most of us move between them, week by week.',
        },
        {
          key: 'four-points-reading',
          kind: 'reading',
          title: 'The four points in plain words',
          minutes: 15,
          markdown: [
            '# The four points',
            '',
            '1. **Building and maintaining motivation.** Knowing what you want and why. A cost-benefit look at using and not using helps you see it on paper.',
            '2. **Coping with urges.** Urges rise, peak and pass, usually within minutes. Delaying, distracting and remembering your reasons all help you ride one out.',
            '3. **Managing thoughts, feelings and behaviours.** Our beliefs about an event shape how we feel about it. Noticing and questioning those beliefs gives us choices.',
            '4. **Living a balanced life.** Sleep, people, work, rest and things you enjoy: a life that is worth protecting makes change last.',
            '',
            'None of this is about being perfect. A slip is information, not failure.',
          ].join('\n'),
        },
      ],
    },
    {
      key: 'practice',
      title: 'Putting it into practice',
      items: [
        {
          key: 'four-points-quiz',
          kind: 'quiz',
          title: 'Check your understanding',
          minutes: 10,
          passMark: 75,
          attemptLimit: 3,
          coolDownMinutes: 5,
          questions: [
            {
              id: 'urge-passes',
              prompt: 'What usually happens to an urge if you do not act on it?',
              kind: 'single',
              options: [
                { id: 'grows', text: 'It keeps growing until you give in' },
                { id: 'passes', text: 'It rises, peaks and passes' },
                { id: 'stays', text: 'It stays the same all day' },
              ],
              correct: ['passes'],
              explanation:
                'Urges behave like waves: they build, peak and fade, often within minutes. Knowing this makes riding one out easier.',
            },
            {
              id: 'balance',
              prompt: 'Which of these belong to living a balanced life? (Choose all that apply.)',
              kind: 'multiple',
              options: [
                { id: 'sleep', text: 'Regular sleep' },
                { id: 'people', text: 'Time with people who support you' },
                { id: 'isolation', text: 'Keeping away from everyone' },
              ],
              correct: ['sleep', 'people'],
              explanation:
                'Balance comes from things that restore us. Cutting ourselves off tends to make change harder, not easier.',
            },
            {
              id: 'beliefs',
              prompt: 'In point three, what shapes how we feel about an event?',
              kind: 'single',
              options: [
                { id: 'event', text: 'Only the event itself' },
                { id: 'belief', text: 'What we believe about the event' },
              ],
              correct: ['belief'],
              explanation:
                'The same event can feel very different depending on what we tell ourselves about it; that is where we have choices.',
            },
            {
              id: 'slip',
              prompt: 'How does the programme look at a slip?',
              kind: 'single',
              options: [
                { id: 'failure', text: 'As proof that change is impossible' },
                { id: 'information', text: 'As information to learn from' },
              ],
              correct: ['information'],
              explanation:
                'A slip tells you something about your plan. It is a reason to adjust it, not to give up.',
            },
          ],
        },
        {
          key: 'my-reasons',
          kind: 'exercise',
          title: 'My reasons for change',
          minutes: 20,
          prompt:
            'Write a few lines about what you want to change and why it matters to you. Then name one thing you could do this week that serves one of the four points. A trainer will read it and reply.',
        },
      ],
    },
  ],
};
