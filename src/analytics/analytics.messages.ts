import type { LocalizedText } from '../core/i18n';

export const ANALYTICS_TEXT = {
  campaign: { id: 'Kampanye', en: 'Campaign' },
  account: { id: 'Akun', en: 'Account' },
  delivery: { id: 'Pengiriman', en: 'Delivery' },
  post: { id: 'Posting', en: 'Post' },
  notPublished: {
    id: 'Angka hanya bisa diambil dari posting yang sudah terbit.',
    en: 'Counts can only be read for a published post.',
  },
} satisfies Record<string, LocalizedText>;
