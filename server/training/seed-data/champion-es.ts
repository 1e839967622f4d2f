import type { z } from 'zod';
import type { courseCreateBody } from '../../../shared/training/content.ts';

/** Itinerario para profesionales (español): un curso breve para quienes apoyan el programa. */
export const CHAMPION_ES: z.input<typeof courseCreateBody> = {
  title: 'Profesionales aliados: apoyar la recuperación entre pares en tu servicio',
  description:
    'Para personal clínico, de orientación y de entidades colaboradoras: qué ofrece el programa, cómo funciona una reunión entre pares y cómo empezar una en tu servicio.',
  language: 'es',
  track: 'champion',
  plannedMinutes: 60,
  modules: [
    {
      key: 'programme-for-professionals',
      title: 'El programa junto al tratamiento',
      items: [
        {
          key: 'champion-video',
          kind: 'video',
          title: 'El apoyo entre pares junto al tratamiento',
          url: 'https://videos.haven.example/champion/overview-es.mp4',
          durationSeconds: 300,
          transcript:
            'Las reuniones entre pares no sustituyen al tratamiento: lo acompañan. Las personas que atiendes practican los cuatro puntos con otras que las entienden, entre citas y cuando el tratamiento termina. Como profesional aliado puedes orientar hacia las reuniones, acoger una en tu servicio o formar a tu equipo para facilitarlas.',
        },
        {
          key: 'champion-reading',
          kind: 'reading',
          title: 'Empezar una reunión en tu servicio',
          minutes: 15,
          markdown: [
            '# Empezar una reunión en tu servicio',
            '',
            '- **Busca quien facilite.** Alguien del equipo o una persona voluntaria completa el itinerario de facilitación.',
            '- **Que siga siendo entre pares.** El servicio puede acoger la reunión, pero la reunión es de quienes participan.',
            '- **Protege la confidencialidad.** Nada de lo dicho en una reunión va a la historia clínica.',
            '- **Publícala.** Añade la reunión al directorio para que también la encuentren personas de fuera.',
          ].join('\n'),
        },
      ],
    },
    {
      key: 'check',
      title: 'Comprobar y reflexionar',
      items: [
        {
          key: 'champion-quiz',
          kind: 'quiz',
          title: 'Comprueba lo aprendido',
          minutes: 5,
          passMark: 100,
          attemptLimit: null,
          coolDownMinutes: null,
          questions: [
            {
              id: 'notes',
              prompt:
                '¿Puede lo que alguien dice en una reunión entre pares ir a su historia clínica?',
              kind: 'single',
              options: [
                { id: 'yes', text: 'Sí, si es clínicamente relevante' },
                { id: 'no', text: 'No, las reuniones son confidenciales' },
              ],
              correct: ['no'],
              explanation:
                'La confidencialidad es lo que permite hablar con libertad. Las reuniones se mantienen separadas de los registros del tratamiento.',
            },
          ],
        },
        {
          key: 'champion-plan',
          kind: 'exercise',
          title: 'Un plan para tu servicio',
          minutes: 20,
          prompt:
            'En pocas líneas: ¿quién en tu servicio podría beneficiarse de las reuniones entre pares y cuál sería un primer paso que podrías dar este mes?',
        },
      ],
    },
  ],
};
