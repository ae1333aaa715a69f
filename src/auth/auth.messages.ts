import type { LocalizedText } from '../core/i18n';

export const AUTH_TEXT = {
  badCredentials: { id: 'Email atau kata sandi salah.', en: 'Wrong email or password.' },
  locked: {
    id: 'Terlalu banyak percobaan masuk yang gagal ke akun ini dari alamat Anda. Coba lagi dalam {minutes} menit, atau atur ulang kata sandi.',
    en: 'Too many failed sign-in attempts to this account from your address. Try again in {minutes} minutes, or reset your password.',
  },
  tooManyAttempts: {
    id: 'Terlalu banyak percobaan dari alamat ini. Coba lagi dalam {seconds} detik.',
    en: 'Too many attempts from this address. Try again in {seconds} seconds.',
  },
  tooManyAnonymous: {
    id: 'Terlalu banyak permintaan pendaftaran, undangan, atau atur ulang kata sandi dari alamat ini. Coba lagi dalam {minutes} menit.',
    en: 'Too many registration, invitation or password reset requests from this address. Try again in {minutes} minutes.',
  },
  registrationClosed: {
    id: 'Pendaftaran di Gaung ini hanya lewat undangan. Minta admin ruang kerja Anda mengirim undangan.',
    en: 'Sign-up on this Gaung is by invitation only. Ask an admin of your workspace to invite you.',
  },
  sessionInvalid: {
    id: 'Sesi Anda telah berakhir atau dicabut. Silakan masuk lagi.',
    en: 'Your session has expired or was revoked. Please sign in again.',
  },
  csrfInvalid: {
    id: 'Permintaan ini tidak membawa token keamanan (CSRF) yang benar. Muat ulang halaman lalu coba lagi.',
    en: 'This request did not carry the right security (CSRF) token. Reload the page and try again.',
  },
  apiTokenNotAllowed: {
    id: 'Token API pribadi hanya untuk pekerjaan di satu ruang kerja. Masuk dengan email dan kata sandi untuk tindakan ini.',
    en: 'Personal API tokens are for work inside one workspace. Sign in with your email and password for this action.',
  },
  wrongPassword: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  emailTaken: { id: 'Email ini sudah terdaftar.', en: 'This email is already registered.' },
  resetInvalid: {
    id: 'Tautan atur ulang kata sandi tidak valid, sudah dipakai, atau kedaluwarsa.',
    en: 'The password reset link is invalid, already used, or expired.',
  },
  tokenWorkspaceMismatch: {
    id: 'Token API ini hanya berlaku untuk ruang kerja lain.',
    en: 'This API token is only valid for another workspace.',
  },
  session: { id: 'Sesi', en: 'Session' },
  apiToken: { id: 'Token API', en: 'API token' },
  workspace: { id: 'Ruang kerja', en: 'Workspace' },
  roleCapTooHigh: {
    id: 'Batas peran token tidak boleh melebihi peran Anda sendiri.',
    en: "A token's role cap cannot exceed your own role.",
  },
} satisfies Record<string, LocalizedText>;
