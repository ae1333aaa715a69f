import type { Language } from '../../i18n';
import type { Guide } from './sections';
import adminEn from '../../../../docs/guide/admin.md?raw';
import coordinatorEn from '../../../../docs/guide/coordinator.md?raw';
import staffEn from '../../../../docs/guide/staff.md?raw';
import adminId from '../../../../docs/panduan/admin.md?raw';
import coordinatorId from '../../../../docs/panduan/koordinator.md?raw';
import staffId from '../../../../docs/panduan/staf-komunikasi.md?raw';

/**
 * The guides as written in docs/ (imported at build time, so the running app carries them and
 * needs no internet); this module loads only with the help page.
 */
export const GUIDE_TEXT: Record<Guide, Record<Language, string>> = {
  staff: { id: staffId, en: staffEn },
  coordinator: { id: coordinatorId, en: coordinatorEn },
  admin: { id: adminId, en: adminEn },
};

/** docs/screenshots/<name>.png -> the URL of its copy in the built app (Vite hashes the name). */
export const SCREENSHOT_URLS: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../../docs/screenshots/*.png', { query: '?url', import: 'default', eager: true }),
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);
