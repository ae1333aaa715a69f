import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useRouteContext, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n';
import { NotFound } from '../../ui/NotFound';
import { GUIDE_TEXT, SCREENSHOT_URLS } from './guides';
import { helpRoute } from './help-route';
import { renderGuide } from './render';
import { GUIDES, HELP_TOPICS, isGuide } from './sections';
import classes from './help.module.css';

/** One guide in the app's language, opened at the section of the page the help menu came from. */
export function HelpPage() {
  const { t, i18n } = useTranslation('help');
  const { guide } = helpRoute.useParams();
  const { topic } = helpRoute.useSearch();
  const hash = useRouterState({ select: (state) => state.location.hash });
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const navigate = useNavigate();
  const language = isLanguage(i18n.language) ? i18n.language : 'id';
  const known = isGuide(guide) ? guide : undefined;

  const html = useMemo(
    () =>
      known
        ? renderGuide(GUIDE_TEXT[known][language], {
            guideHref: (g) => `/app/${workspace}/help/${g}`,
            screenshots: SCREENSHOT_URLS,
          })
        : '',
    [known, language, workspace],
  );
  const anchor = (known && topic ? HELP_TOPICS[topic]?.[known]?.[language] : undefined) ?? (hash || undefined);

  // The section's heading takes the focus, so a screen reader starts reading where the help is. When
  // a navigation resolves the router gives the focus to the page's top and restores the scroll once
  // rendered: take both back then.
  const router = useRouter();
  useEffect(() => {
    const show = () => {
      const heading = anchor ? document.getElementById(anchor) : null;
      if (heading) {
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      } else window.scrollTo(0, 0);
    };
    show();
    const again = ({ toLocation }: { toLocation: { pathname: string } }) =>
      toLocation.pathname.includes('/help/') && show();
    const stops = [router.subscribe('onResolved', again), router.subscribe('onRendered', again)];
    return () => stops.forEach((stop) => stop());
  }, [anchor, html, router]);

  /** Links between guides stay inside the app; a link to a heading scrolls there. */
  const follow = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const { helpGuide, helpAnchor } = link.dataset;
    if (isGuide(helpGuide)) {
      event.preventDefault();
      void navigate({
        to: '/$workspace/help/$guide',
        params: { workspace, guide: helpGuide },
        hash: helpAnchor || undefined,
      });
    } else if (helpAnchor) {
      event.preventDefault();
      document.getElementById(helpAnchor)?.scrollIntoView({ block: 'start' });
    }
  };

  if (!known) return <NotFound />;
  return (
    <Stack gap="sm" className={classes.page}>
      <nav aria-label={t('others')}>
        <Group gap="md" component="ul" className={classes.guides}>
          {GUIDES.map((g) => (
            <li key={g}>
              <Anchor
                component={Link}
                to={`/${workspace}/help/${g}`}
                size="sm"
                aria-current={g === known ? 'page' : undefined}
              >
                {t(`guides.${g}`)}
              </Anchor>
            </li>
          ))}
        </Group>
      </nav>
      <Text size="sm" c="dimmed">
        {t('offline')}
      </Text>
      {/* Rendered from our own docs by renderGuide, which shows raw HTML as text and allows no scripts or foreign links. */}
      <div
        className={classes.guide}
        onClick={follow}
        data-testid="guide"
        data-guide={known}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Stack>
  );
}
