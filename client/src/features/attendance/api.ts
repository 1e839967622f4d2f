import { type VerifySlipResponse, verifySlipResponse } from '../../../../shared/api/attendance.ts';
import { api } from '../../api/client.ts';

/** GET /api/attendance/verify: the server checks the signature; nothing is kept. */
export function verifySlip(slip: string): Promise<VerifySlipResponse> {
  return api.get(`/api/attendance/verify?slip=${encodeURIComponent(slip)}`, verifySlipResponse);
}

export const PUBLIC_KEY_URL = '/api/attendance/public-key';
