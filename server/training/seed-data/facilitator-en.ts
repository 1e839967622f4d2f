import type { z } from 'zod';
import type { courseCreateBody } from '../../../shared/training/content.ts';

/** Facilitator track (English): how a peer-led meeting runs. Needs foundations. */
export const FACILITATOR_EN: z.input<typeof courseCreateBody> = {
  title: 'Facilitating a peer-led meeting',
  description:
    'How a meeting runs from welcome to close, how to keep it safe and on the programme, and what to do when someone is struggling.',
  language: 'en',
  track: 'facilitator',
  plannedMinutes: 120,
  modules: [
    {
      key: 'meeting-shape',
      title: 'The shape of a meeting',
      items: [
        {
          key: 'meeting-video',
          kind: 'video',
          title: 'A meeting from start to finish',
          url: 'https://videos.haven.example/facilitator/meeting-en.mp4',
          durationSeconds: 600,
          transcript:
            'A meeting opens with a welcome and the confidentiality reminder: what is said here stays here. Then a check-in round, where each person who wants to says briefly how their week went. The middle of the meeting works on something people brought, using a tool from the four points. We close with each person naming one thing they will try before next time.',
        },
        {
          key: 'facilitator-role',
          kind: 'reading',
          title: 'Your role: guide, not expert',
          minutes: 20,
          markdown: [
            '# Guide, not expert',
            '',
            'As a facilitator you keep time, keep the meeting safe and keep it on the programme. You are not there to fix anyone.',
            '',
            '- **Invite, do not push.** Everyone may pass in a round.',
            '- **Keep the focus on tools.** Ask "what might help with that?" rather than giving advice.',
            '- **Share the air.** Gently bring in quieter voices and pause long ones.',
            '- **Know your limits.** If someone is in crisis, use the Help panel and the crisis resources; you are never alone with it.',
          ].join('\n'),
        },
      ],
    },
    {
      key: 'practice',
      title: 'Practice',
      items: [
        {
          key: 'facilitator-quiz',
          kind: 'quiz',
          title: 'Running the meeting',
          minutes: 10,
          passMark: 100,
          attemptLimit: null,
          coolDownMinutes: 10,
          questions: [
            {
              id: 'opening',
              prompt: 'What belongs in the opening of every meeting?',
              kind: 'multiple',
              options: [
                { id: 'welcome', text: 'A welcome' },
                { id: 'confidentiality', text: 'The confidentiality reminder' },
                { id: 'lecture', text: 'A talk by the facilitator about their own story' },
              ],
              correct: ['welcome', 'confidentiality'],
              explanation:
                'A welcome and the confidentiality reminder make the room safe. Facilitators may share, but the meeting is not their lecture.',
            },
            {
              id: 'advice',
              prompt: 'Someone asks you what they should do. What fits the facilitator role best?',
              kind: 'single',
              options: [
                { id: 'tell', text: 'Tell them what you would do' },
                { id: 'ask', text: 'Ask which tool might help, and invite the group' },
              ],
              correct: ['ask'],
              explanation:
                'Facilitators guide people to the tools and to each other rather than giving answers.',
            },
          ],
        },
        {
          key: 'difficult-moment',
          kind: 'exercise',
          title: 'A difficult moment',
          minutes: 30,
          prompt:
            'Describe how you would handle a participant who keeps talking over others in the check-in round. What would you say, and how would you keep the meeting kind for everyone?',
        },
      ],
    },
  ],
};
