import { Button, Menu } from '@mantine/core';
import { Link, useParams, useRouteContext, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDES, guideOf, helpFor } from '../../features/help/sections';

/**
 * The shell's help menu: the section of the guide that explains the page open now, for the
 * user's role (features/help/sections.ts), and each whole guide. The guides are in the app.
 */
export function HelpMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation('help');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const { workspace } = useParams({ strict: false });
  const slug = membership.workspace.slug;
  const page = useRouterState({
    select: (state) => {
      const parts = state.location.pathname.split('/').filter(Boolean);
      return parts[parts.indexOf(workspace ?? slug) + 1] ?? '';
    },
  });
  const here = helpFor(page, membership.role);
  const mine = guideOf(membership.role);
  const guides = [mine, ...GUIDES.filter((g) => g !== mine)];
  // Escape gives the focus back to the button; following an item leaves it to the guide's heading.
  const [returnFocus, setReturnFocus] = useState(true);
  const follow = () => {
    setReturnFocus(false);
    onNavigate?.();
  };

  return (
    <Menu position="bottom-end" shadow="md" width={260} returnFocus={returnFocus} onOpen={() => setReturnFocus(true)}>
      <Menu.Target>
        <Button variant="light" size="compact-sm">
          {t('menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {here && (
          <Menu.Item
            fw={600}
            onClick={follow}
            renderRoot={(props) => (
              <Link
                {...props}
                to="/$workspace/help/$guide"
                params={{ workspace: slug, guide: here.guide }}
                search={{ topic: here.topic }}
              />
            )}
          >
            {t('thisPage')}
          </Menu.Item>
        )}
        {guides.map((guide) => (
          <Menu.Item
            key={guide}
            onClick={follow}
            renderRoot={(props) => <Link {...props} to="/$workspace/help/$guide" params={{ workspace: slug, guide }} />}
          >
            {t(`guides.${guide}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
