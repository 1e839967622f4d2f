import type { z } from 'zod';
import type { courseCreateBody } from '../../../shared/training/content.ts';
import { WELCOME_CAPTIONS_ES } from './welcome-captions.ts';

/** Fundamentos (español): los cuatro puntos, abierto a todos los miembros. */
export const FOUNDATIONS_ES: z.input<typeof courseCreateBody> = {
  title: 'Fundamentos: el Programa de 4 Puntos',
  description:
    'Qué son los cuatro puntos, por qué ayudan y cómo los usan los miembros entre reuniones. Abierto a todos.',
  language: 'es',
  track: 'foundations',
  plannedMinutes: 90,
  modules: [
    {
      key: 'four-points',
      title: 'Los cuatro puntos',
      items: [
        {
          key: 'welcome-video',
          kind: 'video',
          title: 'Bienvenida: ¿por qué cuatro puntos?',
          url: 'https://videos.haven.example/foundations/welcome-es.mp4',
          durationSeconds: 360,
          captionsVtt: WELCOME_CAPTIONS_ES,
          transcript:
            'Bienvenido, bienvenida. La recuperación no es una sola decisión, sino muchas pequeñas. Los cuatro puntos les dan forma: construir y mantener la motivación, afrontar los impulsos, manejar pensamientos, sentimientos y conductas, y vivir una vida equilibrada. No hace falta dominarlos en orden; la mayoría pasamos de uno a otro semana a semana.',
        },
        {
          key: 'four-points-reading',
          kind: 'reading',
          title: 'Los cuatro puntos en palabras sencillas',
          minutes: 15,
          markdown: [
            '# Los cuatro puntos',
            '',
            '1. **Construir y mantener la motivación.** Saber qué quieres y por qué. Un análisis de costes y beneficios te ayuda a verlo por escrito.',
            '2. **Afrontar los impulsos.** Los impulsos suben, llegan a su punto más alto y pasan, casi siempre en minutos. Aplazar, distraerte y recordar tus motivos ayuda a dejarlos pasar.',
            '3. **Manejar pensamientos, sentimientos y conductas.** Lo que creemos sobre lo que pasa influye en cómo nos sentimos. Notar esas creencias y cuestionarlas nos da opciones.',
            '4. **Vivir una vida equilibrada.** Descanso, personas, trabajo y cosas que disfrutas: una vida que merece la pena cuidar hace que el cambio dure.',
            '',
            'Nada de esto trata de ser perfecto. Una recaída es información, no un fracaso.',
          ].join('\n'),
        },
      ],
    },
    {
      key: 'practice',
      title: 'Llevarlo a la práctica',
      items: [
        {
          key: 'four-points-quiz',
          kind: 'quiz',
          title: 'Comprueba lo aprendido',
          minutes: 10,
          passMark: 75,
          attemptLimit: 3,
          coolDownMinutes: 5,
          questions: [
            {
              id: 'urge-passes',
              prompt: '¿Qué suele pasar con un impulso si no actúas sobre él?',
              kind: 'single',
              options: [
                { id: 'grows', text: 'Crece hasta que cedes' },
                { id: 'passes', text: 'Sube, llega al máximo y pasa' },
                { id: 'stays', text: 'Se queda igual todo el día' },
              ],
              correct: ['passes'],
              explanation:
                'Los impulsos son como olas: crecen, llegan al máximo y bajan, a menudo en minutos. Saberlo ayuda a dejarlos pasar.',
            },
            {
              id: 'balance',
              prompt:
                '¿Qué forma parte de una vida equilibrada? (Elige todas las que correspondan.)',
              kind: 'multiple',
              options: [
                { id: 'sleep', text: 'Dormir con regularidad' },
                { id: 'people', text: 'Tiempo con personas que te apoyan' },
                { id: 'isolation', text: 'Alejarte de todo el mundo' },
              ],
              correct: ['sleep', 'people'],
              explanation:
                'El equilibrio viene de lo que nos recupera. Aislarnos suele hacer el cambio más difícil, no más fácil.',
            },
            {
              id: 'beliefs',
              prompt: 'En el punto tres, ¿qué influye en cómo nos sentimos ante algo?',
              kind: 'single',
              options: [
                { id: 'event', text: 'Solo lo que ocurre' },
                { id: 'belief', text: 'Lo que creemos sobre lo que ocurre' },
              ],
              correct: ['belief'],
              explanation:
                'Un mismo hecho se vive de forma muy distinta según lo que nos decimos sobre él; ahí tenemos opciones.',
            },
            {
              id: 'slip',
              prompt: '¿Cómo ve el programa una recaída?',
              kind: 'single',
              options: [
                { id: 'failure', text: 'Como prueba de que cambiar es imposible' },
                { id: 'information', text: 'Como información de la que aprender' },
              ],
              correct: ['information'],
              explanation:
                'Una recaída dice algo sobre tu plan: es un motivo para ajustarlo, no para rendirte.',
            },
          ],
        },
        {
          key: 'my-reasons',
          kind: 'exercise',
          title: 'Mis motivos para cambiar',
          minutes: 20,
          prompt:
            'Escribe unas líneas sobre lo que quieres cambiar y por qué te importa. Después nombra algo que podrías hacer esta semana para uno de los cuatro puntos. Una persona formadora lo leerá y te responderá.',
        },
      ],
    },
  ],
};
