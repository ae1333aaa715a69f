import type { LocalizedText } from '../core/i18n';

export const WORKSPACE_TEXT = {
  slugTaken: {
    id: 'Slug "{slug}" sudah dipakai ruang kerja lain.',
    en: 'The slug "{slug}" is already used by another workspace.',
  },
  tooManySlugChecks: {
    id: 'Terlalu banyak percobaan membuat atau mengganti slug ruang kerja. Coba lagi dalam {minutes} menit.',
    en: 'Too many attempts to create or rename workspace slugs. Try again in {minutes} minutes.',
  },
  lastOwner: {
    id: 'Ruang kerja harus punya setidaknya satu pemilik (OWNER). Jadikan anggota lain pemilik terlebih dahulu.',
    en: 'A workspace needs at least one OWNER. Make another member an owner first.',
  },
  onlyOwnerGrantsOwner: {
    id: 'Hanya pemilik (OWNER) yang dapat memberi atau mengubah peran pemilik.',
    en: 'Only an OWNER can grant or change the OWNER role.',
  },
  alreadyMember: {
    id: '{email} sudah menjadi anggota ruang kerja ini.',
    en: '{email} is already a member of this workspace.',
  },
  invitationInvalid: {
    id: 'Undangan tidak valid, sudah dipakai, dicabut, atau kedaluwarsa.',
    en: 'The invitation is invalid, already used, revoked, or expired.',
  },
  invitationInviterLostRights: {
    id: 'Undangan ini tidak berlaku lagi: pengirimnya tidak lagi berhak memberi peran ini. Minta admin ruang kerja mengirim undangan baru.',
    en: 'This invitation is no longer valid: the person who sent it may no longer grant this role. Ask a workspace admin for a new invitation.',
  },
  invitationForOtherEmail: {
    id: 'Undangan ini untuk alamat email lain. Masuk dengan akun {email}.',
    en: 'This invitation is for another email address. Sign in as {email}.',
  },
  registrationNeeded: {
    id: 'Untuk menerima undangan tanpa akun, isi nama dan kata sandi.',
    en: 'To accept an invitation without an account, give a name and a password.',
  },
  alreadyHeld: { id: 'Ruang kerja ini sudah ditahan.', en: 'This workspace is already on hold.' },
  notHeld: { id: 'Ruang kerja ini tidak sedang ditahan.', en: 'This workspace is not on hold.' },
  member: { id: 'Anggota', en: 'Member' },
  invitation: { id: 'Undangan', en: 'Invitation' },
  invitationMailSubject: { id: 'Undangan bergabung ke {workspace} di Gaung', en: 'Invitation to {workspace} on Gaung' },
  invitationMailText: {
    id: 'Anda diundang sebagai {role} di {workspace}. Buka tautan ini dalam 7 hari:\n{url}\n',
    en: 'You are invited as {role} to {workspace}. Open this link within 7 days:\n{url}\n',
  },
} satisfies Record<string, LocalizedText>;
