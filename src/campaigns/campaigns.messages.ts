import type { LocalizedText } from '../core/i18n';

export const CAMPAIGN_TEXT = {
  campaign: { id: 'Kampanye', en: 'Campaign' },
  partnership: { id: 'Kemitraan', en: 'Partnership' },
  ownerOnly: {
    id: 'Hanya ruang kerja pemilik kampanye bersama ini yang dapat mengubahnya.',
    en: 'Only the owner workspace of this joint campaign can change it.',
  },
  endsBeforeStart: { id: 'Tanggal selesai harus setelah tanggal mulai.', en: 'The end must be after the start.' },
  selfPartner: {
    id: 'Ruang kerja pemilik tidak bisa menjadi mitra kampanyenya sendiri.',
    en: 'The owner workspace cannot be its own partner.',
  },
  alreadyPartner: {
    id: '{slug} sudah diundang atau sudah menjadi mitra.',
    en: '{slug} is already invited or a partner.',
  },
  partnerUnknown: {
    id: 'Tidak ada ruang kerja "{slug}" yang dapat Anda undang. Tanyakan slug yang tepat kepada koordinatornya, dan minta admin mereka membuka undangan kemitraan di pengaturan ruang kerja.',
    en: 'There is no workspace "{slug}" you may invite. Ask its coordinators for the exact slug, and ask their admin to allow partnership invitations in the workspace settings.',
  },
  tooManyPartnerInvitations: {
    id: 'Terlalu banyak undangan kemitraan dari ruang kerja ini. Coba lagi dalam {minutes} menit.',
    en: 'Too many partnership invitations from this workspace. Try again in {minutes} minutes.',
  },
  partnershipInviterLostRights: {
    id: 'Undangan kemitraan ini tidak berlaku lagi: pengirimnya tidak lagi menjadi koordinator di ruang kerjanya. Minta undangan baru.',
    en: 'This partnership invitation is no longer valid: the person who sent it is no longer a coordinator of their workspace. Ask for a new invitation.',
  },
  partnershipNotOpen: {
    id: 'Undangan kemitraan ini tidak lagi terbuka.',
    en: 'This partnership invitation is no longer open.',
  },
  partnershipNotActive: { id: 'Kemitraan ini tidak aktif.', en: 'This partnership is not active.' },
  archived: { id: 'Kampanye ini sudah diarsipkan.', en: 'This campaign is archived.' },
  alreadyHeld: { id: 'Kampanye ini sudah ditahan.', en: 'This campaign is already on hold.' },
  notHeld: { id: 'Kampanye ini tidak sedang ditahan.', en: 'This campaign is not on hold.' },
} satisfies Record<string, LocalizedText>;
