import { Types } from 'mongoose';
import type { CreatePostInput } from '../../shared/api/community.ts';
import type { SeedPeople, SeedServices } from './seed.ts';
import type { Actor } from './shared.ts';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number, hours = 0) =>
  new Date(Date.now() - days * DAY - hours * 3600 * 1000);

type PostSeed = CreatePostInput & {
  by: Actor;
  daysAgo: number;
  comments: Array<[Actor, string]>;
};

/**
 * Ideas, a video and articles for each point of the 4-Point Program, with comments, and
 * one open report for moderators. Links point at reserved example domains so the demo
 * never vouches for a real page.
 */
export async function seedPosts(s: SeedServices, p: SeedPeople): Promise<void> {
  const seeds: PostSeed[] = [
    {
      by: p.participant,
      daysAgo: 12,
      kind: 'idea',
      point: 1,
      title: 'My cost–benefit analysis lives on the fridge',
      body: 'I wrote my CBA on an index card and stuck it on the fridge. On rough evenings I read the "costs of using" column out loud. It sounds silly, but hearing my own reasons in my own voice works better than anything anyone else could tell me.',
      comments: [
        [p.sofia, '¡Qué buena idea! Yo la tengo como fondo de pantalla del móvil.'],
        [p.dan, 'Stealing this. Mine is in a notebook I never open, which is not ideal.'],
      ],
    },
    {
      by: p.champion,
      daysAgo: 9,
      kind: 'article',
      point: 1,
      title: 'Why motivation comes and goes (and why that is normal)',
      url: 'https://articles.example.org/motivation-comes-and-goes',
      body: 'A short, readable piece on ambivalence: wanting to change and not wanting to at the same time. I share it with people who feel like a fraud because their motivation dipped. It is part of the process, not a sign of failure.',
      comments: [[p.callum, 'Shared this at Thursday’s meeting, it led to a great discussion.']],
    },
    {
      by: p.mei,
      daysAgo: 7,
      kind: 'video',
      point: 2,
      title: 'Urge surfing, explained in five minutes',
      url: 'https://video.example.org/urge-surfing-in-five-minutes',
      body: 'A calm walk-through of urge surfing: notice where the urge sits in your body, describe it, and ride it like a wave until it passes. I put it on in the car park before going into the supermarket.',
      comments: [
        [p.aisha, 'This is the one we watched together last month. So useful.'],
        [p.participant, 'The wave picture really stuck with me. Twenty minutes felt doable.'],
      ],
    },
    {
      by: p.sofia,
      daysAgo: 5,
      kind: 'idea',
      point: 2,
      title: 'DISARM: le puse nombre a la voz de las ganas',
      body: 'Llamo a esa voz "el vendedor": siempre promete que esta vez será diferente. Cuando aparece, le digo "gracias, pero no compro". Me ayuda a recordar que las ganas no son una orden.',
      comments: [[p.carmen, 'El mío se llama "el abogado", siempre tiene un argumento. 😄']],
    },
    {
      by: p.mike,
      daysAgo: 4,
      kind: 'idea',
      point: 3,
      title: 'ABC on a bad Monday',
      body: 'A: my boss criticised a report. B: "I always mess up, I am useless." C: wanted to drink at lunch. Disputing B: one report is not "always", and I got two things right last week. Writing it down took five minutes and the lunch urge shrank.',
      comments: [
        [p.trainer, 'Great example of disputing. Notice how specific the new belief is.'],
        [
          p.quickfix,
          'Forget the worksheets, my detox supplement fixes cravings in 3 days. DM me for a discount!',
        ],
      ],
    },
    {
      by: p.champion,
      daysAgo: 3,
      kind: 'article',
      point: 3,
      title: 'Thoughts are not facts: an introduction to unhelpful thinking styles',
      url: 'https://articles.example.org/unhelpful-thinking-styles',
      body: 'A clear list of thinking traps (all-or-nothing, fortune telling, "shoulds") with everyday examples. Pairs well with the ABC tool.',
      comments: [],
    },
    {
      by: p.carmen,
      daysAgo: 2,
      kind: 'idea',
      point: 4,
      title: 'Una tarde al mes para revisar mis valores',
      body: 'El primer domingo de cada mes repaso mi jerarquía de valores con un café. Miro en qué gasté mi tiempo y si se parece a lo que de verdad me importa. Este mes: más tiempo con mi hija, menos horas extra.',
      comments: [[p.elena, 'Me lo apunto. Gracias por compartirlo, Carmen.']],
    },
    {
      by: p.aisha,
      daysAgo: 1,
      kind: 'article',
      point: 4,
      title: 'Sleep, food, movement: small wins for a balanced life',
      url: 'https://articles.example.org/small-wins-for-balance',
      body: 'Nothing dramatic here, which is the point: a regular bedtime, one proper meal, a short walk. The article explains why these basics make urges easier to cope with.',
      comments: [[p.mei, 'The bedtime one changed my mornings completely.']],
    },
  ];
  let spam: { postId: string; commentId: string } | null = null;
  for (const { by, daysAgo: age, comments, ...input } of seeds) {
    const post = await s.posts.create(by, input);
    await s.models.Post.updateOne({ _id: post.id }, { $set: { createdAt: daysAgo(age) } });
    for (const [index, [author, body]] of comments.entries()) {
      const comment = await s.posts.comment(author, post.id, body);
      await s.models.Comment.updateOne(
        { _id: comment.id },
        { $set: { createdAt: daysAgo(age, -(index + 1) * 3) } },
      );
      if (author === p.quickfix) spam = { postId: post.id, commentId: comment.id };
    }
  }
  // The one open report: Mei flagged the supplement advert for the moderators.
  if (spam) {
    await s.posts.report(p.mei, spam.postId, spam.commentId, {
      reason: 'spam',
      note: 'Selling supplements to people in early recovery. Please take it down.',
    });
  }
}

export async function seedFeedback(s: SeedServices, p: SeedPeople): Promise<void> {
  const seeds = [
    {
      by: p.participant,
      anonymous: false,
      topic: 'haven',
      status: 'new',
      daysAgo: 1,
      message:
        'Could the event pages show the time in my own time zone as well as the local one? I almost joined a training day an hour late.',
    },
    {
      by: p.elena,
      anonymous: true,
      topic: 'programme',
      status: 'under-review',
      daysAgo: 6,
      message:
        'Algunas hojas de trabajo en español usan palabras muy técnicas. Una versión en lenguaje sencillo ayudaría a mi familia a entenderlas.',
    },
    {
      by: p.sofia,
      anonymous: false,
      topic: 'meetings',
      status: 'planned',
      daysAgo: 14,
      message:
        'Me encantaría que hubiera una reunión online en español por la mañana (hora de Madrid). Trabajo de tarde y no llego a las de la noche.',
      response:
        'Gracias, Sofía. Estamos formando a dos facilitadoras en Madrid y abriremos una reunión matinal el mes que viene.',
    },
    {
      by: p.mei,
      anonymous: false,
      topic: 'training',
      status: 'done',
      daysAgo: 30,
      message:
        'The Getting SMART videos are great, but I could not find transcripts. I learn better reading.',
      response:
        'Transcripts are now available under every video in the course. Thank you for asking, Mei.',
    },
    {
      by: p.dan,
      anonymous: true,
      topic: 'other',
      status: 'declined',
      daysAgo: 21,
      message: 'Could Haven show a streak counter for days without using?',
      response:
        'Thank you for the idea. We decided against streak counters: a lapse can make people feel they lost everything, and SMART sees lapses as something to learn from. The change plan worksheet is a kinder way to track progress.',
    },
  ] as const;
  for (const { by, anonymous, topic, message, status, daysAgo: age, ...rest } of seeds) {
    const created = await s.feedback.create(by, { topic, message, anonymous });
    const response = 'response' in rest ? rest.response : undefined;
    if (status !== 'new')
      await s.feedback.update(created.id, { status, ...(response ? { response } : {}) });
    // Through the driver: mongoose treats `createdAt` of timestamped models as immutable.
    await s.models.Feedback.collection.updateOne(
      { _id: new Types.ObjectId(created.id) },
      { $set: { createdAt: daysAgo(age) } },
    );
  }
}
