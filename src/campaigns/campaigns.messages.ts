import type { LocalizedText } from '../core/i18n';

export const CAMPAIGN_TEXT = {
  campaign: { id: 'Kampanye', en: 'Campaign' },
  partnership: { id: 'Kemitraan', en: 'Partnership' },
  ownerOnly: {
    id: 'Hanya ruang kerja pemilik kampanye bersama ini yang dapat mengubahnya.',
    en: 'Only the owner workspace of this joint campaign can change it.',
  },
  endsBeforeStart: { id: 'Tanggal selesai harus setelah tanggal mulai.', en: 'The end must be after the start.' },
  selfPartner: { id: 'Ruang kerja pemilik tidak bisa menjadi mitra kampanyenya sendiri.', en: 'The owner workspace cannot be its own partner.' },
  alreadyPartner: { id: '{slug} sudah diundang atau sudah menjadi mitra.', en: '{slug} is already invited or a partner.' },
  partnerUnknown: { id: 'Ruang kerja "{slug}" tidak ditemukan.', en: 'Workspace "{slug}" not found.' },
  partnershipNotOpen: { id: 'Undangan kemitraan ini tidak lagi terbuka.', en: 'This partnership invitation is no longer open.' },
  partnershipNotActive: { id: 'Kemitraan ini tidak aktif.', en: 'This partnership is not active.' },
  archived: { id: 'Kampanye ini sudah diarsipkan.', en: 'This campaign is archived.' },
  alreadyHeld: { id: 'Kampanye ini sudah ditahan.', en: 'This campaign is already on hold.' },
  notHeld: { id: 'Kampanye ini tidak sedang ditahan.', en: 'This campaign is not on hold.' },
} satisfies Record<string, LocalizedText>;
