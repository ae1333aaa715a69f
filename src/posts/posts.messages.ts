import type { LocalizedText } from '../core/i18n';

export const POST_TEXT = {
  post: { id: 'Postingan', en: 'Post' },
  campaignUnavailable: {
    id: 'Kampanye tidak ditemukan, diarsipkan, atau bukan milik/mitra ruang kerja ini.',
    en: 'The campaign does not exist, is archived, or is not owned by or shared with this workspace.',
  },
  accountUnavailable: {
    id: 'Akun {accountId} tidak ditemukan di ruang kerja ini atau sudah dinonaktifkan.',
    en: 'Account {accountId} is not in this workspace or is disabled.',
  },
  mediaUnavailable: {
    id: 'Media {mediaId} tidak ditemukan di ruang kerja ini.',
    en: 'Media {mediaId} is not in this workspace.',
  },
  alreadyPublished: {
    id: 'Postingan ini sudah (atau sedang) terbit di sebagian akun, jadi tidak bisa diubah lagi. Buat salinan sebagai draf baru.',
    en: 'This post is already (or being) published to some accounts, so it cannot change. Duplicate it into a new draft.',
  },
  hasIssues: {
    id: 'Perbaiki masalah konten per platform sebelum mengajukan.',
    en: 'Fix the per-platform content problems before submitting.',
  },
  noTime: {
    id: 'Tentukan waktu terbit, atau pilih "terbitkan sekarang", sebelum menyetujui.',
    en: 'Set a publishing time, or choose "publish now", before approving.',
  },
  timePassed: {
    id: 'Waktu terbit ({time}) sudah lewat. Jadwalkan ulang dulu.',
    en: 'The publishing time ({time}) has passed. Reschedule first.',
  },
  timePassedWhenDrafting: {
    id: 'Waktu terbit ({time}) sudah lewat. Pilih waktu yang akan datang, atau "terbitkan sekarang" (tetap perlu disetujui).',
    en: 'The publishing time ({time}) has passed. Choose a time ahead, or "publish now" (it still needs approval).',
  },
  notAfterPassed: {
    id: 'Batas "jangan terbit setelah" ({time}) sudah lewat, jadi postingan ini tidak bisa terbit sekarang. Ubah atau hapus batasnya.',
    en: 'The "do not publish after" limit ({time}) has passed, so this post cannot publish now. Change or clear the limit.',
  },
  notAfterBeforeTime: {
    id: 'Batas "jangan terbit setelah" harus setelah waktu terbit.',
    en: '"Do not publish after" must be after the publishing time.',
  },
  notApproved: {
    id: 'Hanya postingan yang sudah disetujui yang bisa dijadwalkan ulang tanpa ditinjau lagi.',
    en: 'Only an approved post can be rescheduled without another review.',
  },
  statementHasNoTime: {
    id: 'Pernyataan cepat tidak punya jadwal: ia terbit saat dirilis orang kedua.',
    en: 'A rapid-response statement has no time: it publishes when a second person releases it.',
  },
  notAStatement: {
    id: 'Postingan ini bukan pernyataan cepat.',
    en: 'This post is not a rapid-response statement.',
  },
} satisfies Record<string, LocalizedText>;
