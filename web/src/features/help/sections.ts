import type { Role } from '../../api/types';

/**
 * Which part of which guide explains which page: the one table the help menu reads. Kept free of
 * Vite imports so the Playwright spec can check every anchor against the guides' headings.
 */
export const GUIDES = ['staff', 'coordinator', 'admin'] as const;
export type Guide = (typeof GUIDES)[number];
export const isGuide = (value: unknown): value is Guide => GUIDES.includes(value as Guide);

/** The files of each guide, Indonesian first (docs/panduan/) and English (docs/guide/). */
export const GUIDE_FILES: Record<Guide, { id: string; en: string }> = {
  staff: { id: 'panduan/staf-komunikasi.md', en: 'guide/staff.md' },
  coordinator: { id: 'panduan/koordinator.md', en: 'guide/coordinator.md' },
  admin: { id: 'panduan/admin.md', en: 'guide/admin.md' },
};

/** A heading's anchor in each language, as `slugify` makes it from the heading's text. */
interface Anchor {
  id: string;
  en: string;
}

/** Page (the first path segment below the workspace) -> the section of each guide that covers it. */
export const HELP_TOPICS: Record<string, Partial<Record<Guide, Anchor>>> = {
  calendar: {
    staff: { id: 'melihat-kalender', en: 'the-calendar' },
    coordinator: { id: 'meninjau-kalender', en: 'reviewing-the-calendar' },
  },
  compose: { staff: { id: 'menyusun-posting', en: 'composing-a-post' } },
  review: {
    staff: { id: 'menanggapi-permintaan-perubahan', en: 'answering-a-request-for-changes' },
    coordinator: { id: 'menyetujui-atau-meminta-perubahan', en: 'approving-or-asking-for-changes' },
  },
  statements: {
    staff: { id: 'pernyataan-cepat', en: 'rapid-response-statements' },
    coordinator: { id: 'merilis-pernyataan-cepat', en: 'releasing-a-rapid-response-statement' },
  },
  campaigns: {
    staff: { id: 'saat-unggahan-ditahan', en: 'when-posts-are-held' },
    coordinator: { id: 'menahan-kampanye-saat-krisis', en: 'holding-a-campaign-in-a-crisis' },
  },
  posts: {
    staff: { id: 'mengajukan-untuk-ditinjau', en: 'submitting-for-review' },
    coordinator: { id: 'membaca-status-pengiriman', en: 'reading-the-delivery-status' },
  },
  accounts: { admin: { id: 'menghubungkan-akun', en: 'connecting-accounts' } },
  people: { admin: { id: 'mengundang-anggota', en: 'inviting-members' } },
  partners: { admin: { id: 'mitra-kampanye-bersama', en: 'joint-campaign-partners' } },
  media: { staff: { id: 'pustaka-media', en: 'the-media-library' } },
  analytics: { coordinator: { id: 'membaca-laporan-kampanye', en: 'reading-a-campaign-report' } },
  notifications: {
    staff: { id: 'pemberitahuan', en: 'notifications' },
    coordinator: { id: 'pemberitahuan-untuk-koordinator', en: 'notifications-for-coordinators' },
    admin: { id: 'pemberitahuan-untuk-admin', en: 'notifications-for-admins' },
  },
  // Admins read about the workspace's settings first; everyone else about their own.
  settings: {
    staff: { id: 'pengaturan-saya', en: 'my-settings' },
    admin: { id: 'pengaturan-ruang-kerja', en: 'workspace-settings' },
  },
  audit: { admin: { id: 'log-audit', en: 'audit-log' } },
};

/** Whose guide a role reads first; a page its own guide does not cover falls to the next one. */
const GUIDE_ORDER: Record<Role, Guide[]> = {
  VIEWER: ['staff', 'coordinator', 'admin'],
  EDITOR: ['staff', 'coordinator', 'admin'],
  COORDINATOR: ['coordinator', 'staff', 'admin'],
  ADMIN: ['admin', 'coordinator', 'staff'],
  OWNER: ['admin', 'coordinator', 'staff'],
};

/** The guide a role reads first (for the menu's "my guide" and pages without a topic). */
export const guideOf = (role: Role): Guide => GUIDE_ORDER[role][0]!;

/** The guide and section that explain `page` to someone with `role`, if any guide covers it. */
export function helpFor(page: string, role: Role): { guide: Guide; topic: string } | undefined {
  const topic = HELP_TOPICS[page];
  const guide = topic && GUIDE_ORDER[role].find((g) => topic[g] !== undefined);
  return guide ? { guide, topic: page } : undefined;
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, each space a hyphen. */
export const slugify = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
