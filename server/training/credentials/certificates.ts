import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PublicUser } from '../../../shared/api/accounts.ts';
import {
  CERTIFICATE_CODE_LENGTH,
  type CertificateView,
  type CourseCompletion,
  type certificatePatchBody,
  type certificateVerifyResponse,
  type Track,
} from '../../../shared/training/credentials.ts';
import { AppError } from '../../infra/errors.ts';
import type { CertificateDoc, CredentialModels } from './models.ts';
import { certificatePdf } from './pdf.ts';

const DUPLICATE_KEY = 11000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** What a certificate kept after its owner left says instead of their name. */
export const FORMER_MEMBER = 'a former member';

const TRACK_LABELS: Record<Track, string> = {
  foundations: 'Foundations track',
  facilitator: 'Facilitator track',
  champion: 'Champion track',
};

/** 80 random bits as 16 base32 characters: guessing one valid code is out of reach. */
export function newCertificateCode(): string {
  const bytes = randomBytes((CERTIFICATE_CODE_LENGTH * 5) / 8);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const issuedOn = (date: Date) => date.toISOString().slice(0, 10);
export const verifyPathOf = (code: string) => `/certificates/verify/${code}`;

function viewOf(doc: CertificateDoc): CertificateView {
  return {
    code: doc.code,
    nameOnCertificate: doc.nameOnCertificate,
    nameChosen: doc.nameChosen,
    courseId: doc.courseId,
    courseTitle: doc.courseTitle,
    track: doc.track,
    language: doc.language,
    issuedAt: doc.issuedAt.toISOString(),
    issuedOn: issuedOn(doc.issuedAt),
    keepVerifiableAfterDeletion: doc.keepVerifiableAfterDeletion,
    verifyPath: verifyPathOf(doc.code),
  };
}

interface MemberNames {
  publicUsers(ids: string[]): Promise<Map<string, PublicUser>>;
}

/**
 * Certificates of completed courses: one per member and course, found by an unguessable
 * code. Owners list, print, download and adjust theirs; anyone with the code sees only the
 * name on it, the course and the date.
 */
export class Certificates {
  readonly #models: CredentialModels;
  readonly #users: MemberNames;

  constructor(models: CredentialModels, users: MemberNames) {
    this.#models = models;
    this.#users = users;
  }

  /** Issues the member's certificate for the course, or returns the one they already have. */
  async issue(userId: string, course: CourseCompletion, at: Date): Promise<CertificateView> {
    const ownerKey = `${userId}:${course.courseId}`;
    const existing = await this.#models.Certificate.findOne({ ownerKey }).lean<CertificateDoc>();
    if (existing) return viewOf(existing);
    const member = (await this.#users.publicUsers([userId])).get(userId);
    if (!member) throw new AppError('NOT_FOUND', 'no such member');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const created = await this.#models.Certificate.create({
          code: newCertificateCode(),
          userId,
          ownerKey,
          nameOnCertificate: member.displayName,
          courseId: course.courseId,
          courseTitle: course.courseTitle,
          track: course.track,
          language: course.language,
          issuedAt: at,
        });
        return viewOf(created.toObject());
      } catch (error) {
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
        // Either the same completion arrived twice at once (the owner key), or, far less
        // likely, the code was taken: the first answer wins, the second draws a new code.
        const raced = await this.#models.Certificate.findOne({ ownerKey }).lean<CertificateDoc>();
        if (raced) return viewOf(raced);
      }
    }
    throw new AppError('INTERNAL', 'could not draw a free certificate code');
  }

  async list(userId: string): Promise<CertificateView[]> {
    const found = await this.#models.Certificate.find({ userId })
      .sort({ issuedAt: -1, _id: -1 })
      .lean<CertificateDoc[]>();
    return found.map(viewOf);
  }

  /** The owner's certificate; anyone else's is "not found", as if it did not exist. */
  async #own(userId: string, code: string): Promise<CertificateDoc> {
    const found = await this.#models.Certificate.findOne({ code, userId }).lean<CertificateDoc>();
    if (!found) throw new AppError('NOT_FOUND', 'no such certificate of yours');
    return found;
  }

  async get(userId: string, code: string): Promise<CertificateView> {
    return viewOf(await this.#own(userId, code));
  }

  async pdf(userId: string, code: string, origin: string): Promise<Uint8Array> {
    const doc = await this.#own(userId, code);
    return certificatePdf({
      name: doc.nameOnCertificate,
      courseTitle: doc.courseTitle,
      trackLabel: TRACK_LABELS[doc.track],
      issuedOn: issuedOn(doc.issuedAt),
      code: doc.code,
      verifyUrl: `${origin}${verifyPathOf(doc.code)}`,
    });
  }

  /**
   * The printed name may be chosen once (a full name for an employer, say), so a
   * certificate cannot be re-issued to someone else's name later; keeping it verifiable
   * after account deletion may be switched at will.
   */
  async update(
    userId: string,
    code: string,
    patch: z.infer<typeof certificatePatchBody>,
  ): Promise<CertificateView> {
    const doc = await this.#own(userId, code);
    const set: Record<string, unknown> = {};
    if (patch.keepVerifiableAfterDeletion !== undefined)
      set.keepVerifiableAfterDeletion = patch.keepVerifiableAfterDeletion;
    const filter: Record<string, unknown> = { _id: doc._id, userId };
    if (patch.nameOnCertificate !== undefined) {
      if (doc.nameChosen)
        throw new AppError('INVALID_TRANSITION', 'the name on this certificate was already chosen');
      set.nameOnCertificate = patch.nameOnCertificate;
      set.nameChosen = true;
      // Two renames at once: only one finds the name still unchosen.
      filter.nameChosen = false;
    }
    const result = await this.#models.Certificate.updateOne(filter, { $set: set });
    if (result.matchedCount !== 1)
      throw new AppError('INVALID_TRANSITION', 'the name on this certificate was already chosen');
    return this.get(userId, code);
  }

  /** Public: only the name on it, the course and the date. Unknown codes are simply invalid. */
  async verify(code: string): Promise<z.infer<typeof certificateVerifyResponse>> {
    const found = await this.#models.Certificate.findOne(
      { code },
      { nameOnCertificate: 1, courseTitle: 1, issuedAt: 1 },
    ).lean<Pick<CertificateDoc, 'nameOnCertificate' | 'courseTitle' | 'issuedAt'>>();
    if (!found) return { valid: false };
    return {
      valid: true,
      certificate: {
        nameOnCertificate: found.nameOnCertificate,
        courseTitle: found.courseTitle,
        issuedOn: issuedOn(found.issuedAt),
      },
    };
  }

  async exportFor(userId: string) {
    return (await this.list(userId)).map(({ verifyPath: _path, ...certificate }) => certificate);
  }

  /**
   * Certificates go with the account, unless the member chose to keep one verifiable: that
   * one stays, its owner and chosen name gone, saying "a former member".
   */
  async eraseFor(userId: string): Promise<void> {
    const kept = await this.#models.Certificate.find(
      { userId, keepVerifiableAfterDeletion: true },
      { code: 1 },
    ).lean<Pick<CertificateDoc, '_id' | 'code'>[]>();
    for (const doc of kept) {
      await this.#models.Certificate.updateOne(
        { _id: doc._id },
        {
          $set: {
            userId: null,
            ownerKey: `former:${doc.code}`,
            nameOnCertificate: FORMER_MEMBER,
          },
        },
      );
    }
    await this.#models.Certificate.deleteMany({ userId });
  }
}
