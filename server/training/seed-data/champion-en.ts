import type { z } from 'zod';
import type { courseCreateBody } from '../../../shared/training/content.ts';

/** Champion track (English): a shorter course for professionals who support the programme. */
export const CHAMPION_EN: z.input<typeof courseCreateBody> = {
  title: 'Champions: supporting peer-led recovery in your service',
  description:
    'For clinicians, counsellors and partner staff: what the programme offers your clients, how a peer-led meeting runs, and how to start one in your service.',
  language: 'en',
  track: 'champion',
  plannedMinutes: 60,
  modules: [
    {
      key: 'programme-for-professionals',
      title: 'The programme alongside treatment',
      items: [
        {
          key: 'champion-video',
          kind: 'video',
          title: 'Peer support alongside treatment',
          url: 'https://videos.haven.example/champion/overview-en.mp4',
          durationSeconds: 300,
          transcript:
            'Peer-led meetings do not replace treatment; they sit alongside it. Your clients practise the four points with others who understand, between appointments and after treatment ends. As a champion you can point people to meetings, host one in your service, or train staff to facilitate.',
        },
        {
          key: 'champion-reading',
          kind: 'reading',
          title: 'Starting a meeting in your service',
          minutes: 15,
          markdown: [
            '# Starting a meeting in your service',
            '',
            '- **Find a facilitator.** A staff member or volunteer completes the facilitator track.',
            '- **Keep it peer-led.** Staff may host, but the meeting belongs to the participants.',
            '- **Protect confidentiality.** Nothing said in a meeting goes into clinical notes.',
            '- **List it.** Add the meeting to the directory so people outside your service can find it too.',
          ].join('\n'),
        },
      ],
    },
    {
      key: 'check',
      title: 'Check and reflect',
      items: [
        {
          key: 'champion-quiz',
          kind: 'quiz',
          title: 'Check your understanding',
          minutes: 5,
          passMark: 100,
          attemptLimit: null,
          coolDownMinutes: null,
          questions: [
            {
              id: 'notes',
              prompt: 'May what a client says in a peer-led meeting go into their clinical notes?',
              kind: 'single',
              options: [
                { id: 'yes', text: 'Yes, if it is clinically relevant' },
                { id: 'no', text: 'No, meetings are confidential' },
              ],
              correct: ['no'],
              explanation:
                'Confidentiality is what makes people willing to speak. Meetings stay separate from treatment records.',
            },
          ],
        },
        {
          key: 'champion-plan',
          kind: 'exercise',
          title: 'A plan for your service',
          minutes: 20,
          prompt:
            'In a few lines: who in your service could benefit from peer-led meetings, and what is one first step you could take this month?',
        },
      ],
    },
  ],
};
