/** The pages the confirmation emails link to (their paths are in the server's mail links). */
export const EMAIL_ADDRESS_PATHS = {
  verifyEmail: '/verify-email',
  confirmEmail: '/confirm-email',
} as const;
