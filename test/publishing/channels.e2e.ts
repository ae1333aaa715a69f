import { SecretBox } from '../../src/core/crypto';
import { MediaUrls } from '../../src/media/media-urls';
import { DeliveryScheduler, verifySignature } from '../../src/publishing';
import { ContractServer, sendJson } from '../contracts/contract-server';
import { WebhookContractServer } from '../contracts/webhook/webhook-contract-server';
import { startTestApp, type TestApp } from '../support/test-app';
import { createFixture, removeFixtures, scheduleTarget, sleep, waitForState, WEBHOOK_SECRET } from './engine-fixtures';

const DONE = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED'];
const OPERATOR = 'operator-token-0123456789abcdef';

describe('FEED channel, notification webhooks, metrics and queue board', () => {
  let testApp: TestApp;
  let receiver: WebhookContractServer;
  let notifications: ContractServer;
  let notificationFailures = 1;

  beforeAll(async () => {
    receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    notifications = await new ContractServer()
      .route('POST', '/notify', (_req, res) =>
        notificationFailures-- > 0 ? sendJson(res, 502, { error: 'try later' }) : sendJson(res, 204, {}),
      )
      .start();
    testApp = await startTestApp({
      roles: ['api', 'worker'],
      config: { PUBLIC_BASE_URL: 'https://gaung.example.org', OPERATOR_TOKEN: OPERATOR },
    });
  });
  afterAll(async () => {
    if (testApp) await removeFixtures(testApp.prisma);
    await testApp?.close();
    await receiver?.stop();
    await notifications?.stop();
  });

  it('publishing to FEED is one database write: the entry appears in the Atom feed once', async () => {
    const fixture = await createFixture(testApp, { platform: 'FEED' });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date(), { text: 'Mogok <nasional> & aksi 1 Mei' });
    const target = await waitForState(testApp.prisma, targetId, DONE);
    expect(target.state).toBe('PUBLISHED');
    expect(target.externalId).toBe(`urn:uuid:${targetId}`);
    expect(target.externalUrl).toBe(
      `https://gaung.example.org/feeds/${fixture.workspaceSlug}/${fixture.accountId}.atom#${targetId}`,
    );
    const response = await testApp.http().get(`/feeds/${fixture.workspaceSlug}/${fixture.accountId}.atom`).expect(200);
    expect(response.headers['content-type']).toContain('application/atom+xml');
    expect(response.text.match(/<entry>/g)).toHaveLength(1);
    expect(response.text).toContain(`<id>urn:uuid:${targetId}</id>`);
    expect(response.text).toContain('Mogok &lt;nasional&gt; &amp; aksi 1 Mei');
    await testApp.http().get(`/feeds/other-slug/${fixture.accountId}.atom`).expect(404);
    await testApp.http().get(`/feeds/${fixture.workspaceSlug}/not-a-uuid.atom`).expect(404);
  });

  it("carries a post's images: Atom enclosures and webhook media, signed URLs with alt texts", async () => {
    const withImage = async (fixture: Awaited<ReturnType<typeof createFixture>>, text: string) => {
      const { postId, targetId, version } = await scheduleTarget(testApp, fixture, new Date(), { text, wake: false });
      const media = await testApp.prisma.mediaAsset.create({
        data: {
          workspaceId: fixture.workspaceId,
          uploadedById: fixture.userId,
          kind: 'IMAGE',
          mimeType: 'image/png',
          byteSize: 72,
          altText: 'Buruh "berbaris" & bernyanyi',
          storageKey: 'x',
          sha256: '0'.repeat(64),
        },
      });
      await testApp.prisma.postMedia.create({ data: { postId, mediaId: media.id, position: 0 } });
      await testApp.app.get(DeliveryScheduler).wake([{ id: targetId, version, dueAt: new Date() }]);
      expect((await waitForState(testApp.prisma, targetId, DONE)).state).toBe('PUBLISHED');
      return { media, signedUrl: testApp.app.get(MediaUrls).publicUrl(media.id) };
    };
    const feed = await createFixture(testApp, { platform: 'FEED' });
    const inFeed = await withImage(feed, 'Foto aksi di feed');
    const atom = (await testApp.http().get(`/feeds/${feed.workspaceSlug}/${feed.accountId}.atom`).expect(200)).text;
    expect(atom).toContain(
      `<link rel="enclosure" type="image/png" length="72" href="${inFeed.signedUrl}" title="Buruh &quot;berbaris&quot; &amp; bernyanyi"/>`,
    );
    expect(inFeed.signedUrl).toMatch(/^https:\/\/gaung\.example\.org\/media\//);

    const hook = await createFixture(testApp, { baseUrl: receiver.url });
    const inHook = await withImage(hook, 'Foto aksi di webhook');
    const delivered = receiver
      .requestsTo('POST', /.*/)
      .map((request) => request.json as { text: string; media?: unknown[] })
      .find((body) => body.text === 'Foto aksi di webhook');
    expect(delivered?.media).toEqual([
      {
        id: inHook.media.id,
        kind: 'IMAGE',
        mimeType: 'image/png',
        byteSize: 72,
        url: inHook.signedUrl,
        altText: 'Buruh "berbaris" & bernyanyi',
      },
    ]);
  });

  it('a FEED account with a feedToken answers only with ?token=', async () => {
    const fixture = await createFixture(testApp, { platform: 'FEED' });
    await testApp.prisma.connectedAccount.update({
      where: { id: fixture.accountId },
      data: { settings: { feedToken: 'rahasia-123' } },
    });
    const path = `/feeds/${fixture.workspaceSlug}/${fixture.accountId}.atom`;
    await testApp.http().get(path).expect(404);
    await testApp.http().get(`${path}?token=salah`).expect(404);
    await testApp.http().get(`${path}?token=rahasia-123`).expect(200);
  });

  it('a FAILED target sends a signed notification webhook, retried after a 502', async () => {
    const fixture = await createFixture(testApp, { baseUrl: receiver.url });
    const endpoint = await testApp.prisma.webhookEndpoint.create({
      data: {
        workspaceId: fixture.workspaceId,
        url: `${notifications.baseUrl}/notify`,
        secretCiphertext: new Uint8Array(1),
        secretKeyId: 'x',
        events: ['TARGET_FAILED'],
      },
    });
    const secret = 'notify-secret-abcdef0123456789';
    const sealed = testApp.app
      .get(SecretBox)
      .seal(secret, { workspaceId: fixture.workspaceId, subject: `webhook:${endpoint.id}` });
    await testApp.prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId },
    });
    receiver.fail({ kind: 'reject', reason: 'no' });
    const { targetId } = await scheduleTarget(testApp, fixture, new Date());
    expect((await waitForState(testApp.prisma, targetId, DONE)).state).toBe('FAILED');
    const deadline = Date.now() + 10_000;
    while (notifications.requests.length < 2 && Date.now() < deadline) await sleep(100);
    expect(notifications.requests).toHaveLength(2);
    const delivered = notifications.requests[1]!;
    const body = delivered.body.toString('utf8');
    expect(verifySignature(secret, body, String(delivered.headers['x-gaung-signature']))).toBe(true);
    expect(verifySignature('wrong-secret-0000000000', body, String(delivered.headers['x-gaung-signature']))).toBe(
      false,
    );
    expect(JSON.parse(body)).toMatchObject({
      event: 'TARGET_FAILED',
      subject: { type: 'PostTarget', id: targetId },
      message: expect.stringContaining('gagal diterbitkan'),
    });
  });

  it('/metrics exposes lateness, outcomes by platform and kind, queue depth, sweeper repairs', async () => {
    const text = (await testApp.http().get('/metrics').set('Authorization', `Bearer ${OPERATOR}`).expect(200)).text;
    expect(text).toMatch(/gaung_publish_lateness_seconds_bucket\{le="0.5",platform="(FEED|WEBHOOK)"\}/);
    expect(text).toMatch(/gaung_publish_outcomes_total\{platform="WEBHOOK",outcome="PERMANENT"\} 1/);
    expect(text).toMatch(/gaung_queue_jobs\{queue="publish",state="delayed"\} \d+/);
    expect(text).toContain('# TYPE gaung_sweeper_repairs_total counter');
  });
});
