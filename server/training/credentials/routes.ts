import {
  certificatePatchBody,
  certificatePrintResponse,
  certificateResponse,
  certificatesResponse,
  certificateVerifyResponse,
  codeParams,
  grantBody,
  grantResponse,
  trainingRecordResponse,
  trainingSettingsPatchBody,
  trainingSettingsResponse,
} from '../../../shared/training/credentials.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import { verifyPathOf } from './certificates.ts';
import type { TrainingCredentials } from './index.ts';

const tag = 'training';

/** Records, certificates, the facilitator grant and the training policy. */
export function mountCredentialRoutes(
  api: ApiRoutes,
  credentials: TrainingCredentials,
  publicUrl: string | undefined,
): void {
  const { records, certificates, grants, policy } = credentials;
  const originOf = (req: { protocol: string; get(name: string): string | undefined }) =>
    publicUrl ?? `${req.protocol}://${req.get('host')}`;

  api.get(
    '/training/record',
    {
      summary: 'My training record: completed courses and tracks, with dates (mine only)',
      tag,
      auth: 'user',
      response: trainingRecordResponse,
    },
    async ({ user }) => ({ record: await records.mine(user.id) }),
  );

  api.post(
    '/training/grants',
    {
      summary:
        'Grant the facilitator role to a member whose facilitator training is complete (trainers, admins)',
      tag,
      auth: ['trainer', 'admin'],
      body: grantBody,
      response: grantResponse,
    },
    async ({ body }) => ({ grant: await grants.grant(body.userId) }),
  );

  api.get(
    '/training/settings',
    {
      summary: "The organisation's training policy (admins)",
      tag,
      auth: ['admin'],
      response: trainingSettingsResponse,
    },
    async () => ({ settings: await policy.get() }),
  );

  api.patch(
    '/training/settings',
    {
      summary: "Change the organisation's training policy (admins)",
      tag,
      auth: ['admin'],
      body: trainingSettingsPatchBody,
      response: trainingSettingsResponse,
    },
    async ({ body }) => ({ settings: await policy.update(body) }),
  );

  api.get(
    '/certificates',
    {
      summary: 'My certificates, newest first (mine only; one per completed course)',
      tag,
      auth: 'user',
      response: certificatesResponse,
    },
    async ({ user }) => ({ certificates: await certificates.list(user.id) }),
  );

  api.get(
    '/certificates/:code',
    {
      summary: 'One of my certificates, for its printable page, with the address its QR code shows',
      tag,
      auth: 'user',
      params: codeParams,
      response: certificatePrintResponse,
    },
    async ({ user, params, req }) => ({
      certificate: await certificates.get(user.id, params.code),
      verifyUrl: `${originOf(req)}${verifyPathOf(params.code)}`,
    }),
  );

  api.patch(
    '/certificates/:code',
    {
      summary:
        'Choose the name on my certificate (once), or whether it stays verifiable after I delete my account',
      tag,
      auth: 'user',
      params: codeParams,
      body: certificatePatchBody,
      response: certificateResponse,
    },
    async ({ user, params, body }) => ({
      certificate: await certificates.update(user.id, params.code, body),
    }),
  );

  api.get(
    '/certificates/:code/pdf',
    {
      summary: 'My certificate as a PDF (A4, with its verification code and QR code)',
      tag,
      auth: 'user',
      params: codeParams,
      produces: 'application/pdf',
    },
    async ({ user, params, req, res }) => {
      const bytes = await certificates.pdf(user.id, params.code, originOf(req));
      res
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="certificate-${params.code}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );

  // Public, like the attendance slip's check: an employer or a court clerk holds the code.
  // Answers keep the API's no-store, and nothing here is logged.
  api.get(
    '/certificates/:code/verify',
    {
      summary:
        'Check a certificate: { valid: true, certificate: { nameOnCertificate, courseTitle, issuedOn } } or { valid: false }',
      tag,
      auth: 'public',
      params: codeParams,
      response: certificateVerifyResponse,
    },
    ({ params }) => certificates.verify(params.code),
  );
}
