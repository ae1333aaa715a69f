import type { LocalizedText } from '../core/i18n';

/** What the bot says in chats and what the API's Telegram routes refuse with, in both languages. */
export const TELEGRAM_TEXT = {
  bot: { id: 'Bot Telegram', en: 'Telegram bot' },
  tokenRefused: {
    id: 'Telegram menolak token bot ini ({reason}). Salin lagi token dari @BotFather.',
    en: 'Telegram refused this bot token ({reason}). Copy the token from @BotFather again.',
  },
  telegramUnreachable: {
    id: 'Telegram tidak dapat dihubungi sekarang ({reason}). Coba lagi sebentar lagi.',
    en: 'Telegram cannot be reached right now ({reason}). Try again in a moment.',
  },
  noBot: {
    id: 'Ruang kerja ini belum menghubungkan bot notifikasi Telegram. Minta admin menghubungkannya di Pengaturan.',
    en: 'This workspace has not connected a Telegram notification bot yet. Ask an admin to connect one in Settings.',
  },
  // In chats:
  linked: {
    id: 'Terhubung: pesan Gaung dari {workspace} untuk {name} akan datang ke sini. Putuskan kapan saja di Pengaturan aplikasi.',
    en: 'Linked: Gaung messages from {workspace} for {name} will come here. Unlink at any time in Settings in the app.',
  },
  linkInvalid: {
    id: 'Tautan ini tidak berlaku (sudah dipakai atau kedaluwarsa). Buat tautan baru di Pengaturan aplikasi.',
    en: 'This link is not valid (already used or expired). Make a new one in Settings in the app.',
  },
  privateOnly: { id: 'Hubungkan dari obrolan pribadi dengan bot ini.', en: 'Link from a private chat with this bot.' },
  notLinked: {
    id: 'Obrolan ini tidak terhubung dengan anggota ruang kerja ini. Hubungkan di Pengaturan aplikasi.',
    en: 'This chat is not linked to a member of this workspace. Link it in Settings in the app.',
  },
  help: {
    id: 'Saya mengirim notifikasi Gaung. Perintah: /tahan <alasan> menahan semua penerbitan (admin).',
    en: 'I send Gaung notifications. Commands: /tahan <reason> puts all publishing on hold (admins).',
  },
  // A card's last line once approved or released is the notification channel's (actedLine in telegram-content.ts).
  approvedAnswer: { id: 'Disetujui.', en: 'Approved.' },
  releasedAnswer: {
    id: 'Dirilis: pernyataan diterbitkan ke semua tujuan sekarang.',
    en: 'Released: the statement is publishing to every target now.',
  },
  approvedBefore: {
    id: 'Tidak ada yang dilakukan: unggahan ini sudah disetujui oleh {name} (versi {version}).',
    en: 'Nothing was done: this post was already approved by {name} (version {version}).',
  },
  releasedBefore: {
    id: 'Tidak ada yang dilakukan: pernyataan ini sudah dirilis oleh {name} (versi {version}).',
    en: 'Nothing was done: this statement was already released by {name} (version {version}).',
  },
  changedSince: {
    id: '⚠️ Unggahan ini diubah sejak pesan ini dikirim (versi {seen}, sekarang {current}). Tinjau versi terbaru di aplikasi.',
    en: '⚠️ This post changed since this message was sent (version {seen}, now {current}). Review the latest version in the app.',
  },
  statementChangedSince: {
    id: '⚠️ Pernyataan ini diubah sejak pesan ini dikirim (versi {seen}, sekarang {current}). Baca versi terbaru di aplikasi sebelum merilisnya.',
    en: '⚠️ This statement changed since this message was sent (version {seen}, now {current}). Read the latest version in the app before releasing it.',
  },
  askComment: {
    id: 'Balas pesan ini dengan perubahan yang Anda minta untuk "{post}".',
    en: 'Reply to this message with the changes you ask for on "{post}".',
  },
  commentPlaceholder: { id: 'Perubahan yang diminta', en: 'Changes requested' },
  askCommentAnswer: { id: 'Tulis komentar Anda sebagai balasan.', en: 'Write your comment as a reply.' },
  changesRequested: {
    id: '↩️ Dikirim kembali ke penulis dengan komentar Anda.',
    en: '↩️ Sent back to the author with your comment.',
  },
  promptExpired: {
    id: 'Permintaan komentar ini tidak berlaku lagi. Tekan "Minta perubahan" lagi atau gunakan aplikasi.',
    en: 'This comment request is no longer valid. Press "Request changes" again or use the app.',
  },
  holdUsage: { id: 'Tulis alasannya: /tahan <alasan>', en: 'Give the reason: /tahan <reason>' },
  held: {
    id: '⏸ Semua penerbitan {workspace} ditahan: {reason}. Penahanan hanya dapat dicabut di aplikasi: {link}',
    en: '⏸ All publishing of {workspace} is on hold: {reason}. The hold can only be lifted in the app: {link}',
  },
  refused: { id: 'Ditolak: {reason}', en: 'Refused: {reason}' },
} satisfies Record<string, LocalizedText>;
