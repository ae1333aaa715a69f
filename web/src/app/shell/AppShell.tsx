import { Anchor, Box, Burger, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouteContext } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage, chosenLanguage, isLanguage } from '../../i18n';
import { features } from '../features';
import { HoldsProvider } from '../holds';
import { HelpMenu } from './HelpMenu';
import { HoldBanner } from './HoldBanner';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NotificationBell } from './NotificationBell';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';
import { ZoneSwitcher } from './ZoneSwitcher';
import classes from './AppShell.module.css';

export function AppShell() {
  const { t } = useTranslation(['shell', 'common']);
  const { me, membership } = useRouteContext({ from: '/$workspace' });
  const slug = membership.workspace.slug;
  const [menuOpen, menu] = useDisclosure(false);

  // The profile's language unless one was chosen on this device; Indonesian when unset.
  useEffect(() => {
    const profile = isLanguage(me.locale)
      ? me.locale
      : isLanguage(membership.workspace.locale)
        ? membership.workspace.locale
        : 'id';
    void applyLanguage(chosenLanguage() ?? profile);
  }, [me.locale, membership.workspace.locale]);

  const navigation = (
    <nav aria-label={t('shell:nav.label')}>
      <Group gap="xs" component="ul" className={classes.navList}>
        {features.flatMap((feature) =>
          feature.nav
            ? [
                <li key={feature.nav.path}>
                  <Anchor
                    component={Link}
                    to={`/${slug}/${feature.nav.path}`}
                    className={classes.navLink}
                    activeProps={{ 'aria-current': 'page' }}
                    onClick={menu.close}
                  >
                    {t(feature.nav.label)}
                  </Anchor>
                </li>,
              ]
            : [],
        )}
      </Group>
    </nav>
  );
  const controls = (
    <>
      <WorkspaceSwitcher memberships={me.memberships} current={slug} />
      <ZoneSwitcher />
      <LanguageSwitcher />
      <HelpMenu onNavigate={menu.close} />
      <Anchor component={Link} to="/sign-out" size="sm">
        {t('shell:signOut')}
      </Anchor>
    </>
  );

  return (
    <HoldsProvider>
      <div id="page-start" tabIndex={-1} className="page-start" />
      <a className="skip-link" href="#main">
        {t('shell:skip')}
      </a>
      <Box component="header" className={classes.header} data-print="hide">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap">
            <Text component={Link} to={`/${slug}/calendar`} fw={800} size="lg" className={classes.brand}>
              Gaung
            </Text>
            <NotificationBell workspace={slug} />
            <Box visibleFrom="md">{navigation}</Box>
          </Group>
          <Group gap="sm" align="flex-end" visibleFrom="md" wrap="nowrap">
            {controls}
          </Group>
          <Group hiddenFrom="md" gap="xs" wrap="nowrap">
            <Text size="sm" fw={600}>
              {membership.workspace.name}
            </Text>
            <Burger opened={menuOpen} onClick={menu.toggle} aria-label={t('shell:menu')} size="sm" />
          </Group>
        </Group>
      </Box>
      <Drawer
        opened={menuOpen}
        onClose={menu.close}
        title={t('shell:menu')}
        position="right"
        size="xs"
        closeButtonProps={{ 'aria-label': t('common:close') }}
      >
        <Stack gap="md">
          {navigation}
          {controls}
        </Stack>
      </Drawer>
      <div data-print="hide">
        <HoldBanner workspace={slug} />
      </div>
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        <Outlet />
      </Box>
    </HoldsProvider>
  );
}
