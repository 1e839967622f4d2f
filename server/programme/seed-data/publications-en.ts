import type { PublicationInput } from '../../../shared/api/programme/publications.ts';

/**
 * The demo library in English. Original text written for Haven's demo: warm, plain,
 * self-empowering and careful not to promise what the evidence does not.
 */
export const PUBLICATIONS_EN: PublicationInput[] = [
  {
    group: 'introduction',
    slug: 'introduction-to-the-4-point-program',
    language: 'en',
    kind: 'article',
    point: null,
    title: 'Introduction to the 4-Point Program',
    summary:
      'What the 4-Point Program is, how the four points fit together, and how meetings use them.',
    body: [
      {
        type: 'paragraph',
        text: 'The 4-Point Program is a set of practical, science-based tools for people who want to change an addictive behaviour, whether that is alcohol, other drugs, gambling, or anything else that has taken more from your life than it gives. It is self-empowering: you decide what you want to change and how, and the tools help you do it.',
      },
      { type: 'heading', text: 'The four points' },
      {
        type: 'list',
        items: [
          'Building and Maintaining Motivation: getting clear on why change matters to you, and keeping that reason alive.',
          'Coping with Urges: understanding urges and getting through them without acting on them.',
          'Managing Thoughts, Feelings and Behaviours: noticing the thinking that drives distress, and changing it.',
          'Living a Balanced Life: building a life that is satisfying enough that the old behaviour has less room.',
        ],
      },
      {
        type: 'paragraph',
        text: 'The points are not steps to climb in order. Most people work on several at once and come back to each of them many times. In a meeting, someone might use a cost-benefit analysis one week and talk through an urge the next.',
      },
      { type: 'heading', text: 'Why "science-based"?' },
      {
        type: 'paragraph',
        text: 'The tools come from approaches with research behind them, such as motivational interviewing, cognitive behavioural therapy and rational emotive behaviour therapy, adapted so that trained volunteers can use them in mutual-aid meetings. As the evidence changes, the programme changes: new tools are proposed, examined by advisors, and approved or declined by the board.',
      },
      {
        type: 'quote',
        text: 'You are the expert on your own life. The tools are there to help you use that expertise.',
      },
      {
        type: 'paragraph',
        text: 'If you stop drinking or using some drugs suddenly, withdrawal can be dangerous. Talk to a doctor or a treatment service about a safe plan; meetings work well alongside professional help.',
      },
    ],
  },
  {
    group: 'cost-benefit-analysis',
    slug: 'cost-benefit-analysis-a-guide',
    language: 'en',
    kind: 'worksheet',
    point: 1,
    title: 'Cost-Benefit Analysis: a guide',
    summary:
      'An honest look at what the behaviour gives you and what it costs, so your choice is your own.',
    body: [
      {
        type: 'paragraph',
        text: 'A cost-benefit analysis (CBA) is a simple way to weigh up a decision that feels complicated. It asks four questions, and it treats every answer as real, including the benefits of the behaviour you are thinking of changing. People do things for reasons; pretending there are none rarely helps.',
      },
      {
        type: 'list',
        items: [
          'What do I get from using (or doing it)?',
          'What does using cost me?',
          'What would I get from not using?',
          'What would not using cost me?',
        ],
      },
      { type: 'heading', text: 'Making it useful' },
      {
        type: 'paragraph',
        text: 'Think about the short term and the long term. Many benefits of using are immediate, while many costs arrive later, which is exactly why the choice can feel so lopsided in the moment. Writing both down lets you see the whole picture at once.',
      },
      {
        type: 'paragraph',
        text: 'Keep your CBA and look at it again when motivation dips or an urge arrives. Your answers will change as your life does; that is a sign it is working, not a failure.',
      },
    ],
  },
  {
    group: 'change-plan',
    slug: 'your-change-plan',
    language: 'en',
    kind: 'worksheet',
    point: 1,
    title: 'Your Change Plan',
    summary: 'Turning a decision into steps: what you want to change, why, how, and who can help.',
    body: [
      {
        type: 'paragraph',
        text: 'Deciding to change is a beginning. A change plan turns the decision into something you can act on this week. It is yours: it can be as small or as ambitious as you like, and you can rewrite it as often as you need.',
      },
      {
        type: 'list',
        items: [
          'The changes I want to make',
          'The most important reasons for making them',
          'The steps I plan to take',
          'People who can help, and how',
          'How I will know the plan is working',
          'What might interfere, and what I will do about it',
        ],
      },
      {
        type: 'paragraph',
        text: 'Good steps are specific and possible. "Cut down" is a hope; "no alcohol in the house from Monday, and a walk after work instead of the pub" is a step. Planning for what might go wrong is not pessimism; it is what makes a plan survive a hard day.',
      },
    ],
  },
  {
    group: 'disarm',
    slug: 'disarm-coping-with-urges',
    language: 'en',
    kind: 'article',
    point: 2,
    title: 'DISARM: coping with urges',
    summary:
      'Recognising the voice that argues for using, and answering it, so urges lose their grip.',
    body: [
      {
        type: 'paragraph',
        text: 'Urges are normal. They rise, peak and fade, usually within minutes, even when they feel as if they will last forever. You do not have to obey them, and every urge you get through teaches your brain that you can.',
      },
      {
        type: 'paragraph',
        text: 'DISARM stands for Destructive Imagery and Self-talk Awareness and Refusal Method. Urges often come dressed up as thoughts: "just one won\'t hurt", "I deserve it", "I\'ve already blown it today". DISARM invites you to notice that voice, give it a name if you like, and recognise it as the urge talking, not you.',
      },
      { type: 'heading', text: 'Answering back' },
      {
        type: 'list',
        items: [
          'Notice: "That is the urge talking."',
          'Refuse firmly: "No. I am not doing that, whatever it says."',
          'Remind yourself why, from your cost-benefit analysis.',
          'Do something else until the urge passes: move, call someone, leave the situation.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Many people find an urge log helpful alongside DISARM: writing down when urges come and what helped shows patterns you can plan for.',
      },
    ],
  },
  {
    group: 'urge-log',
    slug: 'keeping-an-urge-log',
    language: 'en',
    kind: 'worksheet',
    point: 2,
    title: 'Keeping an urge log',
    summary: 'Writing urges down to learn your triggers and what gets you through.',
    body: [
      {
        type: 'paragraph',
        text: 'An urge log is a short record of each urge: when it came, how strong it was from 1 to 10, what set it off, what you did, and how it turned out. It takes a minute, and over a few weeks it becomes one of the most useful things you own.',
      },
      {
        type: 'paragraph',
        text: 'Patterns appear: a time of day, a place, a person, a feeling. Once you can see them, you can avoid some triggers, prepare for others, and notice that intensity really does fall if you wait it out.',
      },
      {
        type: 'quote',
        text: 'An urge is information, not an instruction.',
      },
    ],
  },
  {
    group: 'abc',
    slug: 'abcs-of-managing-thoughts',
    language: 'en',
    kind: 'worksheet',
    point: 3,
    title: 'ABCs of managing thoughts',
    summary: 'How beliefs about events, more than events themselves, shape how we feel and act.',
    body: [
      {
        type: 'paragraph',
        text: 'The ABC tool comes from rational emotive behaviour therapy. Its idea is simple and freeing: it is not only what happens to us that upsets us, but what we tell ourselves about it. Change the belief, and the feeling and what we do next can change too.',
      },
      {
        type: 'list',
        items: [
          'A: Activating event. What happened? Describe it as a camera would.',
          'B: Beliefs. What did I tell myself about it?',
          'C: Consequences. How did I feel, and what did I do?',
          'D: Disputation. Is the belief true? Helpful? What would I say to a friend?',
          'E: Effective new belief. A more accurate, more helpful way to see it.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Beliefs with "must", "should", "can\'t stand it" or "always" in them are worth a closer look. "I must not feel uncomfortable" can become "I don\'t like this feeling, and I can stand it."',
      },
    ],
  },
  {
    group: 'hierarchy-of-values',
    slug: 'building-a-balanced-life-hierarchy-of-values',
    language: 'en',
    kind: 'article',
    point: 4,
    title: 'Building a balanced life: the Hierarchy of Values',
    summary: 'Naming what matters most to you, and checking whether your days reflect it.',
    body: [
      {
        type: 'paragraph',
        text: 'Recovery is not only about stopping something; it is about building a life you want to live. The Hierarchy of Values asks you to list what matters most to you (people, health, work, creativity, faith, learning, fun) and put them in order.',
      },
      {
        type: 'paragraph',
        text: 'Then comes the honest part: where did the addictive behaviour sit in practice? Often it crept to the top, taking time and energy from the things we say matter most. Seeing that gap can be painful, and it can also be a powerful source of motivation.',
      },
      { type: 'heading', text: 'Small, regular steps' },
      {
        type: 'paragraph',
        text: 'Choose one value near the top and one small action for this week that serves it. Balance is built from ordinary days: sleep, meals, movement, people and things that give you meaning.',
      },
    ],
  },
  {
    group: 'family-and-friends',
    slug: 'a-handbook-for-family-and-friends',
    language: 'en',
    kind: 'handbook',
    point: null,
    title: 'A handbook for family and friends',
    summary:
      'For people who love someone with an addiction: looking after yourself, and helping without fighting.',
    body: [
      {
        type: 'paragraph',
        text: 'Loving someone whose drinking, drug use or gambling is hurting them is exhausting. This handbook is for you: not only to help them, but to look after yourself, whatever they decide.',
      },
      { type: 'heading', text: 'What helps' },
      {
        type: 'list',
        items: [
          'Look after your own wellbeing first; you cannot pour from an empty cup.',
          'Notice and appreciate the times they are not using, and spend good time together then.',
          'Let natural consequences happen instead of rescuing them from every one.',
          'Talk calmly and specifically about what you see and how it affects you, at a good moment.',
          'Keep yourself and others safe; if there is violence or danger, get help.',
        ],
      },
      {
        type: 'paragraph',
        text: 'These ideas draw on Community Reinforcement and Family Training (CRAFT), an approach with good research behind it for helping families encourage a loved one towards support while improving their own lives.',
      },
      {
        type: 'paragraph',
        text: "You are not responsible for another person's choices, and you do not have to do this alone. Family and friends meetings are a place to share what works with people who understand.",
      },
    ],
  },
];
