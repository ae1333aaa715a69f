import { Platform } from '../core/database';
import { CONNECT_METHODS, connectMethodViews, credentialFormFor, oauthStepsFor } from './connect-methods';
import { PUBLISHER_CLASSES } from './publisher-classes';
import { PublisherRegistry } from './publisher-registry';
import type { Publisher } from './publisher';

describe('connect methods, read from the registered publisher classes', () => {
  it('say once, for every platform of the schema, how its accounts are connected', () => {
    expect(CONNECT_METHODS.map((method) => method.platform).sort()).toEqual(Object.values(Platform).sort());
    for (const method of CONNECT_METHODS) expect(method.form ?? method.oauth).toBeDefined();
  });

  it('give each OAuth flow its own segment, found by it', () => {
    const segments = CONNECT_METHODS.flatMap((method) => (method.oauth ? [method.oauth.segment] : []));
    expect(new Set(segments).size).toBe(segments.length);
    expect(oauthStepsFor('x')?.platform).toBe('X');
    expect(oauthStepsFor('nowhere')).toBeNull();
  });

  it('describe a form field by field, in order, as the web draws it', () => {
    const telegram = connectMethodViews().find((view) => view.platform === 'TELEGRAM');
    expect(telegram).toEqual({
      platform: 'TELEGRAM',
      form: [
        { name: 'botToken', checkbox: false, secret: true, optional: false, advanced: false },
        { name: 'chatId', checkbox: false, secret: false, optional: false, advanced: false },
        { name: 'apiBaseUrl', checkbox: false, secret: false, optional: true, advanced: true },
      ],
      oauth: null,
    });
    expect(connectMethodViews().find((view) => view.platform === 'MASTODON')?.oauth).toEqual({
      segment: 'mastodon',
      reconnects: false,
      asksForInstance: true,
    });
  });

  it("turn a form's values into where the account lives and what is secret", () => {
    const webhook = credentialFormFor('WEBHOOK')!.toAccount({ url: 'https://example.org/hook' });
    expect(webhook).toMatchObject({
      baseUrl: 'https://example.org/hook',
      credentials: { secret: webhook.revealedSecret },
    });
    expect(webhook.revealedSecret).toMatch(/^whsec_/);
    // A receiver is not assumed to deduplicate: a lost answer is not sent again unless the admin says so.
    expect(webhook.settings).toEqual({ honoursIdempotencyKey: false });
    const deduplicating = credentialFormFor('WEBHOOK')!.toAccount({
      url: 'https://example.org/hook',
      honoursIdempotencyKey: true,
    });
    expect(deduplicating.settings).toEqual({ honoursIdempotencyKey: true });
    expect(
      connectMethodViews()
        .find((view) => view.platform === 'WEBHOOK')
        ?.form?.map((field) => [field.name, field.checkbox]),
    ).toEqual([
      ['url', false],
      ['secret', false],
      ['honoursIdempotencyKey', true],
    ]);
    expect(credentialFormFor('FACEBOOK')).toBeNull();
  });

  it('refuse at start-up a publisher whose class connects another platform', () => {
    const [first] = PUBLISHER_CLASSES;
    const misfit = Object.assign(Object.create(first!.prototype as object) as Publisher, {
      platform: first!.connect.platform === 'X' ? 'FEED' : 'X',
    });
    const others = Object.values(Platform)
      .filter((platform) => platform !== misfit.platform)
      .map((platform) => ({ platform }) as Publisher);
    expect(() => new PublisherRegistry([misfit, ...others])).toThrow(/connect method is for/);
  });
});
