import type { LocalizedText } from '../core/i18n';

export const ACCOUNT_TEXT = {
  account: { id: 'Akun', en: 'Account' },
  platform: { id: 'Platform', en: 'Platform' },
  verificationFailed: {
    id: 'Platform menolak kredensial ini: {reason}',
    en: 'The platform refused these credentials: {reason}',
  },
  unreadableReply: {
    id: 'Platform memberi jawaban yang tidak dapat dibaca Gaung. Periksa alamat servernya, lalu coba lagi.',
    en: 'The platform gave an answer Gaung could not read. Check the server address, then try again.',
  },
  platformUnreachable: {
    id: 'Platform tidak dapat dihubungi untuk memeriksa kredensial: {reason}',
    en: 'The platform could not be reached to check the credentials: {reason}',
  },
  addressNotAllowed: {
    id: 'Alamat {host} bukan alamat publik ({reason}), jadi Gaung tidak menghubunginya. Jika server ini milik organisasi Anda di jaringan lokal, operator dapat mengizinkannya lewat EGRESS_ALLOW.',
    en: "The address {host} is not public ({reason}), so Gaung does not contact it. If this server is your organisation's on a local network, the operator can admit it with EGRESS_ALLOW.",
  },
  newAddressNeedsCredentials: {
    id: 'Kredensial akun ini hanya dikirim ke alamat tempat kredensial itu dimasukkan. Untuk memakai alamat baru, hubungkan ulang akun (POST …/reconnect) dengan alamat baru dan kredensialnya; Gaung memeriksanya dulu.',
    en: "This account's credentials are only sent to the address they were entered for. To use a new address, reconnect the account (POST …/reconnect) with the new address and its credentials; Gaung checks them first.",
  },
  alreadyConnected: {
    id: 'Akun {name} sudah terhubung di ruang kerja ini; gunakan hubungkan ulang.',
    en: 'The account {name} is already connected in this workspace; use reconnect instead.',
  },
  platformMismatch: {
    id: 'Kredensial ini untuk {given}, tetapi akunnya {expected}.',
    en: 'These credentials are for {given}, but the account is {expected}.',
  },
  disconnected: { id: 'Akun ini sudah diputus.', en: 'This account is disconnected.' },
  otherAccountOnPlatform: {
    id: 'Platform mengembalikan akun lain ({name}) daripada akun yang dihubungkan ulang.',
    en: 'The platform answered with another account ({name}) than the one being reconnected.',
  },
  instanceRequired: { id: 'Alamat instance Mastodon wajib diisi.', en: 'The Mastodon instance URL is required.' },
  platformNotConfigured: {
    id: 'OAuth untuk {platform} belum dikonfigurasi di server ini (lihat docs/accounts.md).',
    en: 'OAuth for {platform} is not configured on this server (see docs/accounts.md).',
  },
  oauthStateInvalid: {
    id: 'Tautan persetujuan ini tidak valid, sudah dipakai, atau kedaluwarsa (10 menit). Mulai lagi dari Gaung.',
    en: 'This approval link is invalid, already used or expired (10 minutes). Start again from Gaung.',
  },
  oauthNotYours: {
    id: 'Persetujuan ini dimulai oleh sesi atau ruang kerja lain.',
    en: 'This approval was started by another session or workspace.',
  },
  oauthDenied: {
    id: 'Persetujuan di platform dibatalkan: {reason}',
    en: 'The approval on the platform was cancelled: {reason}',
  },
  noAccountsFound: {
    id: 'Tidak ada akun yang bisa dihubungkan (misalnya tidak ada Halaman Facebook atau akun Instagram profesional).',
    en: 'No connectable accounts were found (for example no Facebook Page or Instagram professional account).',
  },
} satisfies Record<string, LocalizedText>;
