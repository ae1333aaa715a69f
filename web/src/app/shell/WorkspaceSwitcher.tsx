import { Select } from '@mantine/core';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../api/types';

/** Moves between the user's workspaces (KSPI, KSBSI...) on the same page, filters dropped. */
export function WorkspaceSwitcher({ memberships, current }: { memberships: Membership[]; current: string }) {
  const { t } = useTranslation('shell');
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (memberships.length < 2) return null;
  return (
    <Select
      label={t('workspace.label')}
      data={memberships.map((m) => ({ value: m.workspace.slug, label: m.workspace.name }))}
      value={current}
      allowDeselect={false}
      w={180}
      size="xs"
      data-testid="workspace-switcher"
      onChange={(slug) => {
        if (!slug || slug === current) return;
        const feature = pathname.split('/').filter(Boolean)[1] ?? 'calendar';
        void navigate({ to: `/${slug}/${feature}` });
      }}
    />
  );
}
