import type { AxiosResponse } from 'axios';
import { blueskyError } from './bluesky/bluesky-errors';
import { mastodonError } from './mastodon/mastodon-errors';
import { unexpectedReason } from './platform-reason';
import { REASON_MAX_CHARS } from './publish-error';
import { telegramError } from './telegram/telegram-errors';
import { wordpressError } from './wordpress/wordpress-errors';

const answer = (status: number, data: unknown): AxiosResponse => ({
  status,
  data,
  headers: {},
  statusText: '',
  config: {} as never,
});

describe('platform reasons in a shape the publisher does not expect', () => {
  it('shows the words of an HTML error page, not only "HTTP 500"', () => {
    const error = mastodonError(
      answer(
        500,
        '<html><head><style>p{}</style></head><body><h1>Internal error</h1><p>database is down</p></body></html>',
      ),
      'status',
    );
    expect(error.message).toBe('Mastodon answered HTTP 500: Internal error database is down');
  });

  it('never says "[object Object]": nested messages are found, other objects shown as JSON', () => {
    expect(unexpectedReason('The webhook receiver', 401, { error: { message: 'signature mismatch' } })).toBe(
      'The webhook receiver answered HTTP 401: signature mismatch',
    );
    const bluesky = blueskyError(answer(400, { error: { kind: 'Odd' } }), 'record');
    expect(bluesky.message).not.toContain('[object Object]');
    expect(bluesky.message).toContain('"kind":"Odd"');
    expect(wordpressError(answer(500, { errors: [{ detail: 'upstream timed out' }] }), 'other').message).toContain(
      'upstream timed out',
    );
    expect(telegramError(502, 'Bad Gateway').message).toBe('Telegram answered HTTP 502: Bad Gateway');
  });

  it('cuts a long body short and keeps the bare status when the body is empty', () => {
    expect(mastodonError(answer(500, 'x'.repeat(5000)), 'status').message).toHaveLength(REASON_MAX_CHARS);
    expect(mastodonError(answer(502, ''), 'status').message).toBe('Mastodon answered HTTP 502');
  });
});
