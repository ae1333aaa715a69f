import type { AnyRoute } from '@tanstack/react-router';

/**
 * What a feature folder offers the app: its routes (children of workspaceRoute, so under
 * /app/<workspace>/...) and an optional entry in the main navigation. Register it with one line in
 * app/features.ts; its texts live in i18n/{id,en}/<feature>.json (picked up by themselves).
 */
export interface Feature {
  routes: AnyRoute[];
  nav?: {
    /** Path below the workspace, e.g. 'calendar'. */
    path: string;
    /** i18n key, e.g. 'calendar:nav'. */
    label: string;
  };
}
