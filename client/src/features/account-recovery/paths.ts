/** Where the recovery pages live; the reset path is the one reset emails link to. */
export const RECOVERY_PATHS = {
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
} as const;
