/**
 * Attendance slips (docs/attendance-slips.md): signed, never stored. The live room issues
 * them through `SlipSigner.issue` once `canRequestSlip` says the participant stayed long
 * enough; the API only verifies and serves the public key.
 */
export { KEY_FILE_NAME, loadSlipKeys, SlipKeyError } from './keys.ts';
export { mountAttendanceRoutes } from './routes.ts';
export {
  attendedMinutes,
  canRequestSlip,
  DEFAULT_SLIP_MIN_MINUTES,
  meetingLocalDate,
  SlipSigner,
} from './signer.ts';
