import type { z } from 'zod';
import type { courseCreateBody } from '../../../shared/training/content.ts';

/** Itinerario de facilitación (español): cómo funciona una reunión entre pares. */
export const FACILITATOR_ES: z.input<typeof courseCreateBody> = {
  title: 'Facilitar una reunión entre pares',
  description:
    'Cómo transcurre una reunión de la bienvenida al cierre, cómo mantenerla segura y centrada en el programa, y qué hacer cuando alguien lo está pasando mal.',
  language: 'es',
  track: 'facilitator',
  plannedMinutes: 120,
  modules: [
    {
      key: 'meeting-shape',
      title: 'La forma de una reunión',
      items: [
        {
          key: 'meeting-video',
          kind: 'video',
          title: 'Una reunión de principio a fin',
          url: 'https://videos.haven.example/facilitator/meeting-es.mp4',
          durationSeconds: 600,
          transcript:
            'La reunión empieza con una bienvenida y el recordatorio de confidencialidad: lo que se dice aquí, aquí se queda. Después, una ronda de presentación en la que quien quiera cuenta brevemente cómo le fue la semana. En la parte central se trabaja algo que alguien trajo, con una herramienta de los cuatro puntos. Cerramos con cada persona nombrando algo que probará antes de la próxima vez.',
        },
        {
          key: 'facilitator-role',
          kind: 'reading',
          title: 'Tu papel: guía, no experto',
          minutes: 20,
          markdown: [
            '# Guía, no experto',
            '',
            'Como facilitador o facilitadora cuidas el tiempo, la seguridad del grupo y que la reunión siga el programa. No estás ahí para arreglar a nadie.',
            '',
            '- **Invita, no presiones.** Cualquiera puede pasar su turno.',
            '- **Céntrate en las herramientas.** Pregunta "¿qué podría ayudar con eso?" en lugar de dar consejos.',
            '- **Reparte la palabra.** Da espacio a las voces calladas y pausa con suavidad las intervenciones largas.',
            '- **Conoce tus límites.** Si alguien está en crisis, usa el panel de Ayuda y los recursos de crisis; nunca estás solo o sola.',
          ].join('\n'),
        },
      ],
    },
    {
      key: 'practice',
      title: 'Práctica',
      items: [
        {
          key: 'facilitator-quiz',
          kind: 'quiz',
          title: 'Llevar la reunión',
          minutes: 10,
          passMark: 100,
          attemptLimit: null,
          coolDownMinutes: 10,
          questions: [
            {
              id: 'opening',
              prompt: '¿Qué forma parte de la apertura de toda reunión?',
              kind: 'multiple',
              options: [
                { id: 'welcome', text: 'Una bienvenida' },
                { id: 'confidentiality', text: 'El recordatorio de confidencialidad' },
                { id: 'lecture', text: 'Una charla del facilitador sobre su propia historia' },
              ],
              correct: ['welcome', 'confidentiality'],
              explanation:
                'La bienvenida y el recordatorio de confidencialidad hacen que el espacio sea seguro. Quien facilita puede compartir, pero la reunión no es su charla.',
            },
            {
              id: 'advice',
              prompt: 'Alguien te pregunta qué debería hacer. ¿Qué encaja mejor con tu papel?',
              kind: 'single',
              options: [
                { id: 'tell', text: 'Decirle lo que harías tú' },
                { id: 'ask', text: 'Preguntar qué herramienta podría ayudar e invitar al grupo' },
              ],
              correct: ['ask'],
              explanation:
                'Quien facilita orienta hacia las herramientas y hacia el grupo en lugar de dar respuestas.',
            },
          ],
        },
        {
          key: 'difficult-moment',
          kind: 'exercise',
          title: 'Un momento difícil',
          minutes: 30,
          prompt:
            'Describe cómo actuarías si una persona interrumpe una y otra vez a las demás en la ronda de presentación. ¿Qué dirías y cómo mantendrías un ambiente amable para todos?',
        },
      ],
    },
  ],
};
