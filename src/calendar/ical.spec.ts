import { zDisplayState } from '../posts/display-state';
import type { CalendarDate } from './holidays';
import { escapeText, foldLine, renderICalendar, type ICalPost } from './ical';

interface Property {
  name: string;
  params: string;
  value: string;
}

/** A tiny reader for the test: unfold, split, unescape TEXT values. */
function parse(ics: string): Property[][] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const components: Property[][] = [];
  const open: Property[][] = [];
  for (const line of unfolded.split('\r\n').filter(Boolean)) {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`unparseable line: ${line}`);
    const property = { name: match[1], params: match[2], value: match[3] };
    if (property.name === 'BEGIN') open.push([]);
    open[open.length - 1].push(property);
    if (property.name === 'END') components.push(open.pop() ?? []);
  }
  expect(open).toHaveLength(0);
  return components;
}

function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));
}

function get(component: Property[], name: string): string {
  const property = component.find((p) => p.name === name);
  if (!property) throw new Error(`no ${name}`);
  return property.value;
}

const longIndonesianText =
  'Kawan-kawan buruh! ✊🏽 Mari bergabung dalam aksi serentak Hari Buruh Internasional, 1 Mei 2027, ' +
  'di depan gedung DPR; tuntutan kita: upah layak, hapus outsourcing, dan perlindungan K3 untuk semua. 👷‍♀️🇮🇩\n' +
  'Baris kedua: \\ garis miring terbalik.';

const post: ICalPost = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  version: 3,
  scheduledAt: new Date('2027-05-01T02:00:00Z'),
  status: 'SCHEDULED',
  campaignName: 'May Day, 2027; Bersatu',
  text: longIndonesianText,
  platforms: ['X', 'MASTODON', 'TELEGRAM'],
};

const mayDay: CalendarDate = {
  date: '2027-05-01',
  title: { id: 'Hari Buruh Internasional', en: 'Labour Day' },
  source: 'holiday',
  kind: 'PUBLIC_HOLIDAY',
  isMayDay: true,
  keyDateId: null,
  country: 'ID',
};

const strike: CalendarDate = {
  date: '2027-12-31',
  title: { id: 'Mogok, nasional', en: 'Mogok, nasional' },
  source: 'key-date',
  kind: 'STRIKE',
  isMayDay: false,
  keyDateId: 'kd-1',
  country: null,
};

const ics = renderICalendar({
  name: 'KSPI, Kalender Redaksi',
  zone: 'Asia/Jakarta',
  generatedAt: new Date('2027-04-20T10:11:12.345Z'),
  posts: [post, { ...post, id: 'no-time', scheduledAt: null }],
  dates: [mayDay, strike],
});

describe('renderICalendar', () => {
  it('ends every line with CRLF and keeps every physical line within 75 octets of whole characters', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = ics.split('\r\n').filter(Boolean);
    for (const line of physical) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each line decodes on its own: no multi-byte character was cut.
      expect(bytes.toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('parses back to the calendar, the post and the all-day dates', () => {
    const components = parse(ics);
    const calendar = components[components.length - 1];
    expect(get(calendar, 'PRODID')).toBe('-//Gaung//Editorial Calendar//ID');
    expect(unescape(get(calendar, 'X-WR-CALNAME'))).toBe('KSPI, Kalender Redaksi');
    expect(get(calendar, 'X-WR-TIMEZONE')).toBe('Asia/Jakarta');

    const events = components.filter((c) => c[0].value === 'VEVENT');
    expect(events).toHaveLength(3);
    const [postEvent, holidayEvent, strikeEvent] = events;
    expect(get(postEvent, 'UID')).toBe(`post-${post.id}@gaung`);
    expect(get(postEvent, 'DTSTAMP')).toBe('20270420T101112Z');
    expect(get(postEvent, 'DTSTART')).toBe('20270501T020000Z');
    expect(get(postEvent, 'DURATION')).toBe('PT15M');
    expect(get(postEvent, 'SEQUENCE')).toBe('3');
    expect(get(postEvent, 'STATUS')).toBe('CONFIRMED');
    expect(unescape(get(postEvent, 'SUMMARY'))).toBe(
      'May Day, 2027; Bersatu [Disetujui] Kawan-kawan buruh! ✊🏽 Mari bergabung dalam aksi serentak Hari Buruh Internasional, 1 Mei 2027, ' +
        'di depan gedung DPR; tuntutan kita: upah layak, hapus outsourcing, dan perlindungan K3 untuk semua. 👷‍♀️🇮🇩',
    );
    const description = unescape(get(postEvent, 'DESCRIPTION'));
    expect(description).toContain('Platform: X, MASTODON, TELEGRAM\nStatus: Disetujui\n');
    expect(description.endsWith(longIndonesianText)).toBe(true);
    // Categories split on unescaped commas only.
    const categories = get(postEvent, 'CATEGORIES')
      .split(/(?<!\\),/)
      .map(unescape);
    expect(categories).toEqual(['Disetujui', 'X', 'MASTODON', 'TELEGRAM', 'May Day, 2027; Bersatu']);

    expect(holidayEvent.find((p) => p.name === 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: ';VALUE=DATE',
      value: '20270501',
    });
    expect(get(holidayEvent, 'DTEND')).toBe('20270502');
    expect(get(holidayEvent, 'SUMMARY')).toBe('Hari Buruh Internasional');
    expect(get(holidayEvent, 'CATEGORIES')).toBe('PUBLIC_HOLIDAY,MAY_DAY');
    expect(get(holidayEvent, 'UID')).toBe('holiday-ID-2027-05-01-labour-day@gaung');

    expect(get(strikeEvent, 'UID')).toBe('keydate-kd-1@gaung');
    expect(get(strikeEvent, 'DTEND')).toBe('20280101');
    expect(unescape(get(strikeEvent, 'SUMMARY'))).toBe('Mogok, nasional');
  });

  it('keeps the UID of a post across versions and marks cancelled posts', () => {
    const again = renderICalendar({
      name: 'x',
      zone: 'Europe/Brussels',
      generatedAt: new Date('2027-04-21T00:00:00Z'),
      posts: [{ ...post, version: 4, status: 'CANCELLED', campaignName: null }],
      dates: [],
      locale: 'en',
      uidDomain: 'gaung.example',
    });
    const [event] = parse(again).filter((c) => c[0].value === 'VEVENT');
    expect(get(event, 'UID')).toBe(`post-${post.id}@gaung.example`);
    expect(get(event, 'SEQUENCE')).toBe('4');
    expect(get(event, 'STATUS')).toBe('CANCELLED');
    expect(unescape(get(event, 'SUMMARY')).startsWith('[Cancelled] Kawan-kawan')).toBe(true);
  });

  it("writes every post state in the subscriber's language, never as a code", () => {
    const states = zDisplayState.options;
    const summaries = (locale: 'id' | 'en') =>
      parse(
        renderICalendar({
          name: 'x',
          zone: 'Asia/Jakarta',
          generatedAt: new Date('2027-04-21T00:00:00Z'),
          posts: states.map((status) => ({ ...post, id: status, status, campaignName: null, text: 'Aksi' })),
          dates: [],
          locale,
        }),
      )
        .filter((c) => c[0].value === 'VEVENT')
        .map((event) => unescape(get(event, 'SUMMARY')));
    expect(summaries('id')).toEqual([
      '[Draf] Aksi',
      '[Ditinjau] Aksi',
      '[Perlu diubah] Aksi',
      '[Disetujui] Aksi',
      '[Ditahan] Aksi',
      '[Sedang terbit] Aksi',
      '[Terbit] Aksi',
      '[Terbit sebagian] Aksi',
      '[Belum pasti] Aksi',
      '[Gagal] Aksi',
      '[Kedaluwarsa] Aksi',
      '[Dibatalkan] Aksi',
    ]);
    expect(summaries('en')).toEqual([
      '[Draft] Aksi',
      '[In review] Aksi',
      '[Changes requested] Aksi',
      '[Approved] Aksi',
      '[Held] Aksi',
      '[Publishing] Aksi',
      '[Published] Aksi',
      '[Partly published] Aksi',
      '[Unconfirmed] Aksi',
      '[Failed] Aksi',
      '[Expired] Aksi',
      '[Cancelled] Aksi',
    ]);
  });
});

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(unescape(escapeText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
  });
});

describe('foldLine', () => {
  it('leaves a 75-octet line alone and folds the 76th octet', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
  });

  it('moves a 4-byte emoji whole to the next line instead of cutting it', () => {
    const folded = foldLine(`${'A'.repeat(73)}✊🏽`);
    // ✊ is 3 bytes: 73 + 3 = 76 > 75, so it moves whole; the 4-byte 🏽 follows it.
    expect(folded).toBe(`${'A'.repeat(73)}\r\n ✊🏽`);
    expect(folded.replace(/\r\n /g, '')).toBe(`${'A'.repeat(73)}✊🏽`);
    expect(foldLine(`${'A'.repeat(72)}👷`)).toBe(`${'A'.repeat(72)}\r\n 👷`);
    expect(foldLine(`${'A'.repeat(71)}👷`)).toBe(`${'A'.repeat(71)}👷`);
  });
});
