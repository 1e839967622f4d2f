import type { EnquiryCreate } from '../../../shared/api/programme/enquiries.ts';
import type { PartnerCreate } from '../../../shared/api/programme/partners.ts';
import type { ProposalCreate } from '../../../shared/api/programme/proposals.ts';
import type { WorksheetCreate } from '../../../shared/api/programme/worksheets.ts';

/** Fictional partner services (websites on example.org) in two countries. */
export const DEMO_PARTNERS: Array<{
  partner: PartnerCreate;
  staff: { email: string; displayName: string; languages: string[]; timeZone: string };
}> = [
  {
    partner: {
      name: 'Irwell Bridge Recovery Service',
      slug: 'irwell-bridge-recovery-service',
      description:
        'A community drug and alcohol service in Manchester. Staff trained as facilitators run 4-Point meetings for people using the service, and introduce them to the peer-led meetings in the city.',
      area: { country: 'GB', region: 'England', city: 'Manchester' },
      website: 'https://irwell-bridge.example.org',
      services: [
        'Community alcohol and drug treatment',
        'Meetings within the service',
        'Family support',
      ],
    },
    staff: {
      email: 'staff-manchester@haven.local',
      displayName: 'Sam (Irwell Bridge)',
      languages: ['en'],
      timeZone: 'Europe/London',
    },
  },
  {
    partner: {
      name: 'Centro Alba de Tratamiento de Adicciones',
      slug: 'centro-alba-madrid',
      description:
        'Centro de tratamiento ambulatorio en Madrid. Parte de su equipo se ha formado como facilitador y organiza reuniones del Programa de 4 Puntos dentro del centro, conectando a las personas con las reuniones de ayuda mutua de la ciudad.',
      area: { country: 'ES', region: 'Comunidad de Madrid', city: 'Madrid' },
      website: 'https://centro-alba.example.org',
      services: ['Tratamiento ambulatorio', 'Reuniones dentro del centro', 'Apoyo a familias'],
    },
    staff: {
      email: 'staff-madrid@haven.local',
      displayName: 'Lucía (Centro Alba)',
      languages: ['es', 'en'],
      timeZone: 'Europe/Madrid',
    },
  },
];

type Outcome = 'submitted' | 'under-review' | 'approved' | 'declined' | 'withdrawn';
/** One proposal for each state; the seed plays the steps through the service to get there. */
export const DEMO_PROPOSALS: Array<{
  proposal: ProposalCreate;
  proposer: 'participant' | 'facilitator' | 'champion';
  outcome: Outcome;
  review?: { recommendation: 'recommend' | 'do-not-recommend'; comments: string };
  reason?: string;
}> = [
  {
    outcome: 'submitted',
    proposer: 'participant',
    proposal: {
      title: 'A weekly values check-in',
      point: 4,
      description:
        'A five-minute check-in at the end of a meeting: each person names one value from their Hierarchy of Values and one small thing they will do for it this week.',
      evidence: [
        {
          citation:
            'Hayes SC, Strosahl KD, Wilson KG. Acceptance and Commitment Therapy: The Process and Practice of Mindful Change. 2nd ed. Guilford Press; 2012.',
        },
      ],
    },
  },
  {
    outcome: 'under-review',
    proposer: 'facilitator',
    proposal: {
      title: 'Urge surfing',
      point: 2,
      description:
        'A short guided exercise for noticing an urge as bodily sensations that rise and fall, without acting on it, drawn from mindfulness-based relapse prevention.',
      evidence: [
        {
          citation:
            'Bowen S, Witkiewitz K, Clifasefi SL, et al. Relative efficacy of mindfulness-based relapse prevention, standard relapse prevention, and treatment as usual for substance use disorders: a randomized clinical trial. JAMA Psychiatry. 2014;71(5):547-556.',
          url: 'https://doi.org/10.1001/jamapsychiatry.2013.4546',
        },
      ],
    },
    review: {
      recommendation: 'recommend',
      comments:
        'Good evidence in clinical settings. Recommend with a short facilitator script so it stays a self-help exercise rather than therapy.',
    },
  },
  {
    outcome: 'approved',
    proposer: 'champion',
    proposal: {
      title: 'If-then plans for high-risk situations',
      point: 2,
      description:
        'Members write a few "if this happens, then I will do that" plans for their most likely high-risk situations, and rehearse them in the meeting.',
      evidence: [
        {
          citation:
            'Gollwitzer PM, Sheeran P. Implementation intentions and goal achievement: a meta-analysis of effects and processes. Advances in Experimental Social Psychology. 2006;38:69-119.',
        },
      ],
    },
    review: {
      recommendation: 'recommend',
      comments: 'Strong, consistent evidence, simple to teach, and fits peer-led meetings well.',
    },
    reason: 'Approved on the advisors’ recommendation; to be added to facilitator training.',
  },
  {
    outcome: 'declined',
    proposer: 'facilitator',
    proposal: {
      title: 'Rewards for negative tests among members',
      point: 1,
      description:
        'Members would pool small prizes and award them for negative breath or urine tests brought to the meeting.',
      evidence: [
        {
          citation:
            'Prendergast M, Podus D, Finney J, Greenwell L, Roll J. Contingency management for treatment of substance use disorders: a meta-analysis. Addiction. 2006;101(11):1546-1560.',
        },
      ],
    },
    review: {
      recommendation: 'do-not-recommend',
      comments:
        'Contingency management works, but it needs clinical testing, funding and oversight. In volunteer-led meetings it would raise privacy and safety problems.',
    },
    reason:
      'Declined for peer-led meetings; partner services that offer contingency management can be signposted instead.',
  },
  {
    outcome: 'withdrawn',
    proposer: 'participant',
    proposal: {
      title: 'A gratitude journal',
      point: 4,
      description:
        'Writing down three things each evening that went well, to share if we wish at meetings.',
      evidence: [
        {
          citation:
            'Emmons RA, McCullough ME. Counting blessings versus burdens: an experimental investigation of gratitude and subjective well-being in daily life. J Pers Soc Psychol. 2003;84(2):377-389.',
          url: 'https://doi.org/10.1037/0022-3514.84.2.377',
        },
      ],
    },
  },
];

export const DEMO_WORKSHEETS: WorksheetCreate[] = [
  {
    tool: 'cost-benefit-analysis',
    title: 'Drinking on weeknights',
    content: {
      behaviour: 'Drinking on weeknights',
      usingBenefits: ['Helps me unwind after work', 'Something to look forward to'],
      usingCosts: ['Poor sleep', 'Tired and irritable with the kids', 'Spending too much'],
      notUsingBenefits: ['Better mornings', 'More money for the holiday', 'Feeling proud'],
      notUsingCosts: ['Evenings feel long at first', 'Have to find another way to relax'],
    },
  },
  {
    tool: 'urge-log',
    title: 'This month',
    content: {
      entries: [
        {
          when: '2025-03-03T18:30:00.000Z',
          intensity: 7,
          trigger: 'Walked past the pub after a hard day',
          whatIDid: 'Called my sister and kept walking',
          outcome: 'Faded in about fifteen minutes',
        },
        {
          when: '2025-03-07T21:00:00.000Z',
          intensity: 4,
          trigger: 'Bored on Friday night',
          whatIDid: 'Made tea and watched a film',
          outcome: 'Fine',
        },
      ],
    },
  },
];

export const DEMO_ENQUIRIES: Array<EnquiryCreate & { reply?: string }> = [
  {
    kind: 'organisation',
    name: 'Priya Shah',
    email: 'priya.shah@housing.example.org',
    organisation: 'Riverside Housing Association',
    message:
      'We support tenants in recovery and would like to host a weekly meeting in our community room. Could we talk about training two members of staff?',
    reply: 'Thank you! We have written to you by email with details of the partnership scheme.',
  },
  {
    kind: 'policy-maker',
    name: 'Daniel Ortega',
    email: 'd.ortega@council.example.org',
    message:
      'Our council is drafting a local recovery strategy and would value your experience of mutual-aid meetings alongside treatment services.',
  },
];
