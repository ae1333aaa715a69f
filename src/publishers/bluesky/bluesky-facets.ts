import { countGraphemes } from '../text-length';

/** app.bsky.richtext.facet: a feature on a UTF-8 byte range of the post text. */
export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: Array<
    | { $type: 'app.bsky.richtext.facet#link'; uri: string }
    | { $type: 'app.bsky.richtext.facet#mention'; did: string }
    | { $type: 'app.bsky.richtext.facet#tag'; tag: string }
  >;
}

export interface TextEntity {
  kind: 'link' | 'mention' | 'tag';
  /** The URL, the handle without "@", or the tag without "#". */
  value: string;
  start: number;
  end: number;
}

const LINK = /(^|[\s(])(https?:\/\/[^\s]+)/g;
const MENTION =
  /(^|[\s(])@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)/g;
const TAG = /(^|\s)[#＃]([^\s#＃]+)/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)"'\]}]+$/u;
const MAX_TAG_GRAPHEMES = 64;

/** Links, mentions and hashtags in a text, with UTF-16 positions. */
export function findEntities(text: string): TextEntity[] {
  const entities: TextEntity[] = [];
  for (const match of text.matchAll(LINK)) {
    const url = match[2]!.replace(TRAILING_PUNCTUATION, '');
    const start = match.index + match[1]!.length;
    entities.push({ kind: 'link', value: url, start, end: start + url.length });
  }
  for (const match of text.matchAll(MENTION)) {
    const start = match.index + match[1]!.length;
    entities.push({ kind: 'mention', value: match[2]!, start, end: start + 1 + match[2]!.length });
  }
  for (const match of text.matchAll(TAG)) {
    const tag = match[2]!.replace(TRAILING_PUNCTUATION, '');
    // A tag needs a non-digit character ("#1" is not a tag) and at most 64 graphemes.
    if (!/[^\d]/u.test(tag) || countGraphemes(tag) > MAX_TAG_GRAPHEMES) continue;
    const start = match.index + match[1]!.length;
    entities.push({ kind: 'tag', value: tag, start, end: start + 1 + tag.length });
  }
  // A hashtag or mention inside a link (e.g. a URL fragment) belongs to the link.
  const links = entities.filter((e) => e.kind === 'link');
  return entities
    .filter((e) => e.kind === 'link' || !links.some((l) => e.start >= l.start && e.start < l.end))
    .sort((a, b) => a.start - b.start);
}

/** Converts a UTF-16 range to the UTF-8 byte range facets use. */
function byteRange(text: string, start: number, end: number): Facet['index'] {
  const byteStart = Buffer.byteLength(text.slice(0, start), 'utf8');
  return { byteStart, byteEnd: byteStart + Buffer.byteLength(text.slice(start, end), 'utf8') };
}

/** Builds facets; mentions whose handle does not resolve to a DID are left as plain text. */
export function buildFacets(text: string, entities: TextEntity[], dids: Map<string, string>): Facet[] {
  const facets: Facet[] = [];
  for (const entity of entities) {
    const index = byteRange(text, entity.start, entity.end);
    if (entity.kind === 'link')
      facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#link', uri: entity.value }] });
    if (entity.kind === 'tag')
      facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: entity.value }] });
    const did = entity.kind === 'mention' ? dids.get(entity.value.toLowerCase()) : undefined;
    if (did) facets.push({ index, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
  }
  return facets;
}
