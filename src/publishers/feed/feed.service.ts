import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { AppError } from '../../core/errors';
import { MediaUrls } from '../../media/media-urls';
import { feedPath } from './feed.publisher';
import { FeedRepository } from './feed.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FEED = { id: 'Umpan', en: 'Feed' };

/** Renders a FEED account's published targets as Atom 1.0 (RFC 4287), newest first. */
@Injectable()
export class FeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feeds: FeedRepository,
    private readonly media: MediaUrls,
  ) {}

  async atom(workspaceSlug: string, file: string, token: string | undefined): Promise<string> {
    const accountId = file.endsWith('.atom') ? file.slice(0, -'.atom'.length) : '';
    if (!UUID.test(accountId)) throw AppError.notFound(FEED);
    const account = await this.feeds.findFeedAccount(workspaceSlug, accountId);
    if (!account || !tokenAllows((account.settings as Record<string, unknown>).feedToken, token))
      throw AppError.notFound(FEED);
    const entries = await this.feeds.publishedEntries(account.id);
    const self = new URL(feedPath(workspaceSlug, account.id), this.config.PUBLIC_BASE_URL).toString();
    const updated = (entries[0]?.publishedAt ?? account.updatedAt).toISOString();
    const items = entries.map((entry) => {
      const text = entry.text ?? entry.post.baseText;
      const title = entry.post.title ?? firstLine(text);
      return [
        '  <entry>',
        `    <id>urn:uuid:${entry.id}</id>`,
        `    <title>${xml(title)}</title>`,
        `    <updated>${(entry.publishedAt ?? account.updatedAt).toISOString()}</updated>`,
        `    <link rel="alternate" href="${xml(`${self}#${entry.id}`)}"/>`,
        `    <content type="text">${xml(text)}</content>`,
        // The post's images and videos ride along as enclosures: signed URLs, the alt text as title.
        ...entry.post.media.map(({ media }) => {
          const title = media.altText ? ` title="${xml(media.altText)}"` : '';
          return `    <link rel="enclosure" type="${xml(media.mimeType)}" length="${media.byteSize}" href="${xml(this.media.publicUrl(media.id))}"${title}/>`;
        }),
        '  </entry>',
      ].join('\n');
    });
    return [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `  <id>urn:uuid:${account.id}</id>`,
      `  <title>${xml(account.displayName)}</title>`,
      `  <updated>${updated}</updated>`,
      `  <link rel="self" href="${xml(self)}"/>`,
      '  <author><name>Gaung</name></author>',
      ...items,
      '</feed>',
      '',
    ].join('\n');
  }
}

function tokenAllows(expected: unknown, given: string | undefined): boolean {
  if (typeof expected !== 'string' || expected.length === 0) return true;
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** XML text/attribute escaping, and removal of characters XML 1.0 forbids. */
function xml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
