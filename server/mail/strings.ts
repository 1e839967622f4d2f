/**
 * Every email's words, in the languages Haven's pages speak. An email says only what it is
 * for: a screen or a shared inbox may show it to someone else, so nothing here names a
 * meeting, a group or anything else the member does in Haven.
 */
export const MAIL_LANGUAGES = ['en', 'es'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export type MailKind =
  | 'passwordReset'
  | 'passwordChanged'
  | 'verifyEmail'
  | 'registerAttempt'
  | 'emailChangeConfirm'
  | 'emailChanged';

export interface MailStrings {
  subject: string;
  lines: string[];
  /** The link's label, for mails that carry one. */
  action?: string;
  /** Said after the link: what to do if the member did not ask. */
  footer: string;
}

const en: Record<MailKind, MailStrings> = {
  passwordReset: {
    subject: 'Reset your Haven password',
    lines: [
      'Someone asked to reset the password of the Haven account for this address.',
      'The link below works once, for 30 minutes.',
    ],
    action: 'Choose a new password',
    footer: 'If you did not ask, ignore this email: your password stays as it is.',
  },
  passwordChanged: {
    subject: 'Your Haven password was changed',
    lines: [
      'The password of your Haven account was just changed, and your other sessions were signed out.',
    ],
    footer: 'If this was not you, reset your password from the sign-in page now.',
  },
  verifyEmail: {
    subject: 'Confirm your email for Haven',
    lines: ['Welcome to Haven. Please confirm that this address is yours.'],
    action: 'Confirm my email',
    footer: 'If you did not create an account, ignore this email.',
  },
  registerAttempt: {
    subject: 'Someone tried to register with your address',
    lines: [
      'Someone tried to create a Haven account with this address, which already has one.',
      'Nothing was changed. If it was you, sign in instead, or reset your password.',
    ],
    footer: 'If it was not you, you do not need to do anything.',
  },
  emailChangeConfirm: {
    subject: 'Confirm your new email for Haven',
    lines: [
      'Someone asked to use this address for a Haven account.',
      'The link below works once, for 30 minutes.',
    ],
    action: 'Use this address',
    footer: 'If you did not ask, ignore this email: nothing will change.',
  },
  emailChanged: {
    subject: 'Your Haven email is being changed',
    lines: [
      'Someone asked to move your Haven account to another email address. It changes once the new address is confirmed.',
    ],
    footer: 'If this was not you, change your password now.',
  },
};

const es: Record<MailKind, MailStrings> = {
  passwordReset: {
    subject: 'Restablece tu contraseña de Haven',
    lines: [
      'Alguien pidió restablecer la contraseña de la cuenta de Haven de esta dirección.',
      'El enlace de abajo sirve una vez, durante 30 minutos.',
    ],
    action: 'Elegir una contraseña nueva',
    footer: 'Si no lo pediste, ignora este correo: tu contraseña no cambia.',
  },
  passwordChanged: {
    subject: 'Tu contraseña de Haven ha cambiado',
    lines: [
      'Se acaba de cambiar la contraseña de tu cuenta de Haven y se cerraron tus otras sesiones.',
    ],
    footer: 'Si no fuiste tú, restablece tu contraseña ahora desde la página de inicio de sesión.',
  },
  verifyEmail: {
    subject: 'Confirma tu correo para Haven',
    lines: ['Te damos la bienvenida a Haven. Confirma que esta dirección es tuya.'],
    action: 'Confirmar mi correo',
    footer: 'Si no creaste una cuenta, ignora este correo.',
  },
  registerAttempt: {
    subject: 'Alguien intentó registrarse con tu dirección',
    lines: [
      'Alguien intentó crear una cuenta de Haven con esta dirección, que ya tiene una.',
      'No se cambió nada. Si fuiste tú, inicia sesión o restablece tu contraseña.',
    ],
    footer: 'Si no fuiste tú, no tienes que hacer nada.',
  },
  emailChangeConfirm: {
    subject: 'Confirma tu nuevo correo para Haven',
    lines: [
      'Alguien pidió usar esta dirección para una cuenta de Haven.',
      'El enlace de abajo sirve una vez, durante 30 minutos.',
    ],
    action: 'Usar esta dirección',
    footer: 'Si no lo pediste, ignora este correo: no cambiará nada.',
  },
  emailChanged: {
    subject: 'Se está cambiando tu correo de Haven',
    lines: [
      'Alguien pidió pasar tu cuenta de Haven a otra dirección de correo. Cambiará cuando se confirme la nueva dirección.',
    ],
    footer: 'Si no fuiste tú, cambia tu contraseña ahora.',
  },
};

export const MAIL_STRINGS: Record<MailLanguage, Record<MailKind, MailStrings>> = { en, es };
