import { type Connection, type Model, Schema, type Types } from 'mongoose';
import { ENQUIRY_KINDS, ENQUIRY_STATUSES } from '../../shared/api/programme/enquiries.ts';
import {
  DECISIONS,
  HISTORY_ACTIONS,
  PROPOSAL_STATES,
  RECOMMENDATIONS,
} from '../../shared/api/programme/proposals.ts';
import {
  PUBLICATION_KINDS,
  PUBLICATION_LANGUAGES,
} from '../../shared/api/programme/publications.ts';
import { TOOLS } from '../../shared/api/programme/worksheets.ts';

// Input is validated with the shared zod schemas before it reaches these models; the
// mongoose schemas only give the stored shape and indexes. `_id: false` sub-documents keep
// embedded records free of ids nobody uses.

const blockSchema = new Schema(
  {
    type: { type: String, required: true },
    text: String,
    items: { type: [String], default: undefined },
  },
  { _id: false },
);
const publicationSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true },
    group: { type: String, required: true, index: true },
    title: { type: String, required: true },
    summary: { type: String, required: true },
    kind: { type: String, enum: PUBLICATION_KINDS, required: true },
    point: { type: Number, default: null },
    language: { type: String, enum: PUBLICATION_LANGUAGES, required: true },
    body: { type: [blockSchema], required: true },
    /** `<point or 0>:<slug>`: one unique string the library pages by (general first, then 1-4). */
    sortKey: { type: String, required: true, unique: true },
  },
  { timestamps: true },
);

// `minimize: false`: an empty list in a worksheet is an answer too and must round-trip.
const worksheetSchema = new Schema(
  {
    ownerId: { type: Schema.Types.ObjectId, required: true },
    tool: { type: String, enum: TOOLS, required: true },
    title: { type: String, default: null },
    content: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: true, minimize: false },
);
worksheetSchema.index({ ownerId: 1, updatedAt: -1, _id: -1 });

const actorId = { type: Schema.Types.ObjectId, default: null };
const historySchema = new Schema(
  {
    action: { type: String, enum: HISTORY_ACTIONS, required: true },
    state: { type: String, enum: PROPOSAL_STATES, required: true },
    actorId,
    at: { type: Date, required: true },
  },
  { _id: false },
);
const reviewSchema = new Schema(
  {
    advisorId: actorId,
    recommendation: { type: String, enum: RECOMMENDATIONS, required: true },
    comments: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { _id: false },
);
const proposalSchema = new Schema(
  {
    proposerId: actorId,
    title: { type: String, required: true },
    point: { type: Number, required: true },
    description: { type: String, required: true },
    evidence: {
      type: [new Schema({ citation: String, url: String }, { _id: false })],
      default: [],
    },
    state: { type: String, enum: PROPOSAL_STATES, required: true, default: 'submitted' },
    reviews: { type: [reviewSchema], default: [] },
    decision: {
      type: new Schema(
        {
          decision: { type: String, enum: DECISIONS, required: true },
          reason: { type: String, required: true },
          actorId,
          at: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true },
);
proposalSchema.index({ state: 1, _id: -1 });
proposalSchema.index({ proposerId: 1 });

const partnerSchema = new Schema(
  {
    name: { type: String, required: true },
    slug: { type: String, required: true, unique: true },
    description: { type: String, required: true },
    area: {
      country: { type: String, required: true },
      region: { type: String, default: null },
      city: { type: String, required: true },
    },
    website: { type: String, default: null },
    services: { type: [String], default: [] },
  },
  { timestamps: true },
);
partnerSchema.index({ name: 1, _id: 1 });

const enquirySchema = new Schema(
  {
    kind: { type: String, enum: ENQUIRY_KINDS, required: true },
    name: { type: String, required: true },
    email: { type: String, required: true },
    organisation: { type: String, default: null },
    message: { type: String, required: true },
    status: { type: String, enum: ENQUIRY_STATUSES, default: 'new' },
    reply: { type: String, default: null },
    answeredById: actorId,
    answeredAt: { type: Date, default: null },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true },
);
// The database deletes an enquiry (and the email in it) once it is no longer needed.
enquirySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
enquirySchema.index({ status: 1, _id: -1 });

export interface BlockDoc {
  type: string;
  text?: string | null;
  items?: string[] | null;
}
export interface PublicationDoc {
  _id: Types.ObjectId;
  slug: string;
  group: string;
  title: string;
  summary: string;
  kind: string;
  point: number | null;
  language: string;
  body: BlockDoc[];
  sortKey: string;
  updatedAt: Date;
}
export interface WorksheetDoc {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  tool: string;
  title: string | null;
  content: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}
export interface HistoryDoc {
  action: string;
  state: string;
  actorId: Types.ObjectId | null;
  at: Date;
}
export interface ReviewDoc {
  advisorId: Types.ObjectId | null;
  recommendation: string;
  comments: string;
  createdAt: Date;
  updatedAt: Date;
}
export interface ProposalDoc {
  _id: Types.ObjectId;
  proposerId: Types.ObjectId | null;
  title: string;
  point: number;
  description: string;
  evidence: Array<{ citation: string; url?: string | null }>;
  state: string;
  reviews: ReviewDoc[];
  decision: { decision: string; reason: string; actorId: Types.ObjectId | null; at: Date } | null;
  history: HistoryDoc[];
  createdAt: Date;
  updatedAt: Date;
}
export interface PartnerDoc {
  _id: Types.ObjectId;
  name: string;
  slug: string;
  description: string;
  area: { country: string; region?: string | null; city: string };
  website: string | null;
  services: string[];
  updatedAt: Date;
}
export interface EnquiryDoc {
  _id: Types.ObjectId;
  kind: string;
  name: string;
  email: string;
  organisation: string | null;
  message: string;
  status: string;
  reply: string | null;
  answeredById: Types.ObjectId | null;
  answeredAt: Date | null;
  createdAt: Date;
  expiresAt: Date;
}

function model<T>(connection: Connection, name: string, schema: Schema, collection: string) {
  return (connection.models[name] ?? connection.model(name, schema, collection)) as Model<T>;
}

export function programmeModels(connection: Connection) {
  return {
    Publication: model<PublicationDoc>(
      connection,
      'Publication',
      publicationSchema,
      'publications',
    ),
    Worksheet: model<WorksheetDoc>(connection, 'Worksheet', worksheetSchema, 'worksheets'),
    Proposal: model<ProposalDoc>(connection, 'ToolProposal', proposalSchema, 'tool_proposals'),
    Partner: model<PartnerDoc>(connection, 'Partner', partnerSchema, 'partners'),
    Enquiry: model<EnquiryDoc>(connection, 'Enquiry', enquirySchema, 'enquiries'),
  };
}
export type ProgrammeModels = ReturnType<typeof programmeModels>;
