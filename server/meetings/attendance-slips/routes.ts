import { verifySlipQuery, verifySlipResponse } from '../../../shared/api/attendance.ts';
import type { ApiRoutes } from '../../infra/api/routes.ts';
import type { SlipSigner } from './signer.ts';

const tag = 'attendance';

/**
 * Public: a court clerk or an employer checks a slip without an account. Answers carry
 * the API's `no-store`, and nothing here logs (the request metrics name the route only).
 */
export function mountAttendanceRoutes(api: ApiRoutes, slips: SlipSigner): void {
  api.get(
    '/attendance/verify',
    {
      summary:
        'Check an attendance slip: { valid: true, statement } or { valid: false, reason } (nothing is stored)',
      tag,
      auth: 'public',
      query: verifySlipQuery,
      response: verifySlipResponse,
    },
    ({ query }) => slips.verify(query.slip),
  );

  api.get(
    '/attendance/public-key',
    {
      summary: 'The Ed25519 public key (SPKI PEM) that signs attendance slips, for offline checks',
      tag,
      auth: 'public',
      produces: 'application/x-pem-file',
    },
    ({ res }) => {
      res.type('application/x-pem-file').send(slips.publicKeyPem());
    },
  );
}
