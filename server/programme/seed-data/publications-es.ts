import type { PublicationInput } from '../../../shared/api/programme/publications.ts';

/**
 * La biblioteca de demostración en español: los mismos temas que en inglés, escritos para
 * leerse con naturalidad (no una traducción palabra por palabra).
 */
export const PUBLICATIONS_ES: PublicationInput[] = [
  {
    group: 'introduction',
    slug: 'introduccion-al-programa-de-4-puntos',
    language: 'es',
    kind: 'article',
    point: null,
    title: 'Introducción al Programa de 4 Puntos',
    summary:
      'Qué es el Programa de 4 Puntos, cómo encajan los cuatro puntos y cómo se usan en las reuniones.',
    body: [
      {
        type: 'paragraph',
        text: 'El Programa de 4 Puntos es un conjunto de herramientas prácticas, basadas en la ciencia, para personas que quieren cambiar una conducta adictiva: alcohol, otras drogas, juego o cualquier cosa que se haya llevado de tu vida más de lo que te da. Es un enfoque de autoempoderamiento: tú decides qué quieres cambiar y cómo, y las herramientas te ayudan a conseguirlo.',
      },
      { type: 'heading', text: 'Los cuatro puntos' },
      {
        type: 'list',
        items: [
          'Construir y mantener la motivación: tener claro por qué te importa el cambio y mantener viva esa razón.',
          'Afrontar los impulsos: entender los impulsos y atravesarlos sin actuar sobre ellos.',
          'Manejar pensamientos, sentimientos y conductas: detectar las ideas que alimentan el malestar y cambiarlas.',
          'Vivir una vida equilibrada: construir una vida lo bastante satisfactoria para que la conducta antigua tenga menos espacio.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Los puntos no son peldaños que haya que subir en orden. La mayoría de las personas trabaja en varios a la vez y vuelve a cada uno muchas veces. En una reunión, alguien puede usar un análisis de costes y beneficios una semana y hablar de un impulso la siguiente.',
      },
      { type: 'heading', text: '¿Por qué «basado en la ciencia»?' },
      {
        type: 'paragraph',
        text: 'Las herramientas proceden de enfoques con investigación detrás, como la entrevista motivacional, la terapia cognitivo-conductual y la terapia racional emotiva conductual, adaptadas para que voluntarios formados puedan usarlas en reuniones de ayuda mutua. Cuando la evidencia cambia, el programa cambia: se proponen herramientas nuevas, las examinan los asesores y la junta las aprueba o las rechaza.',
      },
      {
        type: 'quote',
        text: 'Tú eres quien mejor conoce tu vida. Las herramientas están para ayudarte a usar ese conocimiento.',
      },
      {
        type: 'paragraph',
        text: 'Dejar de golpe el alcohol o algunas drogas puede provocar una abstinencia peligrosa. Habla con un médico o un servicio de tratamiento para hacerlo de forma segura; las reuniones funcionan muy bien junto a la ayuda profesional.',
      },
    ],
  },
  {
    group: 'cost-benefit-analysis',
    slug: 'analisis-de-costes-y-beneficios-una-guia',
    language: 'es',
    kind: 'worksheet',
    point: 1,
    title: 'Análisis de costes y beneficios: una guía',
    summary:
      'Una mirada sincera a lo que la conducta te da y lo que te cuesta, para que la decisión sea tuya.',
    body: [
      {
        type: 'paragraph',
        text: 'El análisis de costes y beneficios es una forma sencilla de sopesar una decisión que parece complicada. Plantea cuatro preguntas y toma en serio todas las respuestas, también los beneficios de la conducta que quieres cambiar. Las personas hacemos las cosas por algo; fingir que no hay razones rara vez ayuda.',
      },
      {
        type: 'list',
        items: [
          '¿Qué obtengo al consumir (o al hacerlo)?',
          '¿Qué me cuesta consumir?',
          '¿Qué obtendría si no consumo?',
          '¿Qué me costaría no consumir?',
        ],
      },
      { type: 'heading', text: 'Para que te sirva' },
      {
        type: 'paragraph',
        text: 'Piensa en el corto y en el largo plazo. Muchos beneficios de consumir son inmediatos y muchos costes llegan después, y por eso en el momento la balanza parece tan desigual. Escribir ambos te deja ver el cuadro completo de una vez.',
      },
      {
        type: 'paragraph',
        text: 'Guarda tu análisis y vuelve a mirarlo cuando baje la motivación o llegue un impulso. Tus respuestas cambiarán a medida que cambie tu vida; eso es señal de que funciona, no un fracaso.',
      },
    ],
  },
  {
    group: 'change-plan',
    slug: 'tu-plan-de-cambio',
    language: 'es',
    kind: 'worksheet',
    point: 1,
    title: 'Tu plan de cambio',
    summary:
      'Convertir una decisión en pasos: qué quieres cambiar, por qué, cómo y quién puede ayudarte.',
    body: [
      {
        type: 'paragraph',
        text: 'Decidir cambiar es un comienzo. Un plan de cambio convierte esa decisión en algo que puedes hacer esta misma semana. Es tuyo: puede ser tan pequeño o tan ambicioso como quieras, y puedes reescribirlo cuantas veces necesites.',
      },
      {
        type: 'list',
        items: [
          'Los cambios que quiero hacer',
          'Las razones más importantes para hacerlos',
          'Los pasos que pienso dar',
          'Personas que pueden ayudarme, y cómo',
          'Cómo sabré que el plan funciona',
          'Qué podría interferir, y qué haré entonces',
        ],
      },
      {
        type: 'paragraph',
        text: 'Los buenos pasos son concretos y posibles. «Reducir» es un deseo; «nada de alcohol en casa desde el lunes y un paseo al salir del trabajo en lugar del bar» es un paso. Prever lo que puede salir mal no es pesimismo: es lo que permite que un plan sobreviva a un mal día.',
      },
    ],
  },
  {
    group: 'disarm',
    slug: 'disarm-afrontar-los-impulsos',
    language: 'es',
    kind: 'article',
    point: 2,
    title: 'DISARM: afrontar los impulsos',
    summary:
      'Reconocer la voz que te anima a consumir y responderle, para que los impulsos pierdan fuerza.',
    body: [
      {
        type: 'paragraph',
        text: 'Los impulsos son normales. Suben, llegan a un pico y se desvanecen, normalmente en minutos, aunque parezca que van a durar siempre. No tienes que obedecerlos, y cada impulso que atraviesas le enseña a tu cerebro que puedes.',
      },
      {
        type: 'paragraph',
        text: 'DISARM son las siglas en inglés de un método para reconocer y rechazar las imágenes y el diálogo interno destructivos. Los impulsos suelen llegar disfrazados de pensamientos: «por una no pasa nada», «me lo merezco», «total, hoy ya lo he estropeado». DISARM te invita a fijarte en esa voz, ponerle nombre si quieres, y reconocer que es el impulso quien habla, no tú.',
      },
      { type: 'heading', text: 'Responder' },
      {
        type: 'list',
        items: [
          'Date cuenta: «Es el impulso el que habla».',
          'Recházalo con firmeza: «No. No voy a hacerlo, diga lo que diga».',
          'Recuerda tus razones, las de tu análisis de costes y beneficios.',
          'Haz otra cosa hasta que pase: muévete, llama a alguien, sal de la situación.',
        ],
      },
      {
        type: 'paragraph',
        text: 'A muchas personas les ayuda llevar un registro de impulsos junto con DISARM: anotar cuándo llegan y qué ayudó muestra patrones para los que puedes prepararte.',
      },
    ],
  },
  {
    group: 'urge-log',
    slug: 'llevar-un-registro-de-impulsos',
    language: 'es',
    kind: 'worksheet',
    point: 2,
    title: 'Llevar un registro de impulsos',
    summary: 'Anotar los impulsos para conocer tus desencadenantes y lo que te ayuda a superarlos.',
    body: [
      {
        type: 'paragraph',
        text: 'Un registro de impulsos es una nota breve de cada impulso: cuándo llegó, su intensidad del 1 al 10, qué lo desencadenó, qué hiciste y cómo terminó. Lleva un minuto, y en pocas semanas se convierte en una de las cosas más útiles que tienes.',
      },
      {
        type: 'paragraph',
        text: 'Aparecen patrones: una hora del día, un lugar, una persona, un sentimiento. Cuando los ves, puedes evitar algunos desencadenantes, prepararte para otros y comprobar que la intensidad baja de verdad si esperas.',
      },
      { type: 'quote', text: 'Un impulso es información, no una orden.' },
    ],
  },
  {
    group: 'abc',
    slug: 'el-abc-para-manejar-pensamientos',
    language: 'es',
    kind: 'worksheet',
    point: 3,
    title: 'El ABC para manejar los pensamientos',
    summary:
      'Cómo lo que creemos sobre lo que pasa, más que lo que pasa, marca cómo nos sentimos y actuamos.',
    body: [
      {
        type: 'paragraph',
        text: 'La herramienta ABC viene de la terapia racional emotiva conductual. Su idea es sencilla y liberadora: no solo nos afecta lo que nos ocurre, sino lo que nos decimos sobre ello. Si cambia la creencia, pueden cambiar también el sentimiento y lo que hacemos después.',
      },
      {
        type: 'list',
        items: [
          'A: Acontecimiento activador. ¿Qué pasó? Descríbelo como lo haría una cámara.',
          'B: Creencias. ¿Qué me dije sobre ello?',
          'C: Consecuencias. ¿Cómo me sentí y qué hice?',
          'D: Debate. ¿Es cierta esa creencia? ¿Me ayuda? ¿Qué le diría a un amigo?',
          'E: Nueva creencia eficaz. Una forma más realista y más útil de verlo.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Merece la pena mirar de cerca las creencias con «tengo que», «debería», «no lo soporto» o «siempre». «No debo sentirme incómodo» puede convertirse en «no me gusta esta sensación, y puedo soportarla».',
      },
    ],
  },
  {
    group: 'hierarchy-of-values',
    slug: 'una-vida-equilibrada-jerarquia-de-valores',
    language: 'es',
    kind: 'article',
    point: 4,
    title: 'Construir una vida equilibrada: la jerarquía de valores',
    summary: 'Nombrar lo que más te importa y comprobar si tus días lo reflejan.',
    body: [
      {
        type: 'paragraph',
        text: 'La recuperación no consiste solo en dejar algo; consiste en construir una vida que quieras vivir. La jerarquía de valores te pide hacer una lista de lo que más te importa (personas, salud, trabajo, creatividad, fe, aprender, divertirte) y ordenarla.',
      },
      {
        type: 'paragraph',
        text: 'Después llega la parte sincera: ¿dónde estaba en la práctica la conducta adictiva? A menudo se había colado en lo más alto, quitando tiempo y energía a lo que decimos que más nos importa. Ver esa distancia puede doler, y también puede ser una fuente poderosa de motivación.',
      },
      { type: 'heading', text: 'Pasos pequeños y constantes' },
      {
        type: 'paragraph',
        text: 'Elige un valor de los primeros puestos y una acción pequeña para esta semana que lo sirva. El equilibrio se construye con días corrientes: dormir, comer, moverse, las personas y las cosas que dan sentido.',
      },
    ],
  },
  {
    group: 'family-and-friends',
    slug: 'manual-para-familiares-y-amigos',
    language: 'es',
    kind: 'handbook',
    point: null,
    title: 'Manual para familiares y amigos',
    summary: 'Para quienes quieren a alguien con una adicción: cuidarse y ayudar sin pelear.',
    body: [
      {
        type: 'paragraph',
        text: 'Querer a alguien cuyo consumo de alcohol, drogas o juego le está haciendo daño agota. Este manual es para ti: no solo para ayudarle, sino para cuidarte, decida lo que decida esa persona.',
      },
      { type: 'heading', text: 'Lo que ayuda' },
      {
        type: 'list',
        items: [
          'Cuida primero tu propio bienestar; nadie da lo que no tiene.',
          'Fíjate en los momentos en que no consume, valóralos y pasad buen tiempo juntos entonces.',
          'Deja que ocurran las consecuencias naturales en lugar de rescatarle de todas.',
          'Habla con calma y de forma concreta de lo que ves y de cómo te afecta, en un buen momento.',
          'Mantén tu seguridad y la de los demás; si hay violencia o peligro, pide ayuda.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Estas ideas se inspiran en el Entrenamiento Familiar y de Refuerzo Comunitario (CRAFT), un enfoque con buena investigación detrás para ayudar a las familias a animar a un ser querido a buscar apoyo mientras mejoran su propia vida.',
      },
      {
        type: 'paragraph',
        text: 'No eres responsable de las decisiones de otra persona, y no tienes por qué hacerlo sola o solo. Las reuniones de familiares y amigos son un lugar para compartir lo que funciona con gente que entiende.',
      },
    ],
  },
];
