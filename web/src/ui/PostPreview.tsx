import { Box, Image, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediaAsset } from '../api/post-types';
import type { Platform } from '../api/types';
import { firstLink, foldFor, PLATFORM_NAMES, tokens } from './platform-text';
import classes from './PostPreview.module.css';

interface Props {
  platform: Platform;
  accountName: string;
  text: string;
  media?: MediaAsset[];
}

/** How a post will look on one platform: cut where it folds, tags and mentions highlighted, link card, images. */
export function PostPreview({ platform, accountName, text, media = [] }: Props) {
  const { t } = useTranslation('posts');
  const { shown, cut } = foldFor(platform, text);
  const link = firstLink(text);
  const images = media.slice(0, 4);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      className={classes.preview}
      aria-label={t('preview.label', { platform: PLATFORM_NAMES[platform], account: accountName })}
      component="figure"
    >
      <Text size="xs" fw={700} c="dimmed" component="figcaption">
        {PLATFORM_NAMES[platform]} · {accountName}
      </Text>
      <Text size="sm" className={classes.text}>
        {tokens(shown).map((token, index) =>
          token.kind === 'plain' ? (
            token.text
          ) : (
            <span key={index} className={classes[token.kind]}>
              {token.text}
            </span>
          ),
        )}
        {cut && <span className={classes.more}>… {t('preview.more')}</span>}
      </Text>
      {images.length > 0 && (
        <SimpleGrid cols={images.length === 1 ? 1 : 2} spacing={4} mt="xs">
          {images.map((item) =>
            item.previewUrl ? (
              <Image
                key={item.id}
                src={item.previewUrl}
                alt={item.altText ?? ''}
                radius="sm"
                h={images.length === 1 ? 160 : 80}
                fit="cover"
              />
            ) : (
              <Box
                key={item.id}
                className={classes.placeholder}
                role="img"
                aria-label={item.altText ?? t('preview.image')}
              >
                {t(`mediaKind.${item.kind}`, { defaultValue: item.kind })}
              </Box>
            ),
          )}
        </SimpleGrid>
      )}
      {link && images.length === 0 && (
        <Box className={classes.card} mt="xs">
          <Text size="xs" c="dimmed">
            {safeHost(link)}
          </Text>
          <Text size="sm" fw={600} lineClamp={1}>
            {link}
          </Text>
        </Box>
      )}
    </Paper>
  );
}

function safeHost(link: string): string {
  try {
    return new URL(link).hostname;
  } catch {
    return link;
  }
}
