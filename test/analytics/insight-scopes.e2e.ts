import { AccountCredentialsStore } from '../../src/core/credentials';
import type { Platform } from '../../src/core/database';
import { PlatformHttp } from '../../src/publishers';
import { FacebookMetrics } from '../../src/publishers/facebook/facebook.metrics';
import { FacebookPublisher } from '../../src/publishers/facebook/facebook.publisher';
import {
  buildInstagramAuthorizeUrl,
  exchangeInstagramCode,
  instagramAccounts,
} from '../../src/publishers/instagram/instagram-oauth';
import { InstagramMetrics } from '../../src/publishers/instagram/instagram.metrics';
import { InstagramPublisher } from '../../src/publishers/instagram/instagram.publisher';
import { LinkedInMetrics } from '../../src/publishers/linkedin/linkedin.metrics';
import { LinkedInPublisher } from '../../src/publishers/linkedin/linkedin.publisher';
import { ThreadsMetrics } from '../../src/publishers/threads/threads.metrics';
import { ThreadsPublisher } from '../../src/publishers/threads/threads.publisher';
import { FacebookContract } from '../contracts/facebook/facebook-contract';
import { FacebookMetricsContract } from '../contracts/facebook/facebook-metrics-contract';
import { InstagramLoginContract } from '../contracts/instagram/instagram-login-contract';
import { LinkedInContract } from '../contracts/linkedin/linkedin-contract';
import { LinkedInMetricsContract } from '../contracts/linkedin/linkedin-metrics-contract';
import {
  INSTAGRAM_INSIGHTS,
  MediaInsightsContract,
  THREADS_INSIGHTS,
} from '../contracts/meta-graph/media-insights-contract';
import { ThreadsContract } from '../contracts/threads/threads-contract';
import { account, image, publishRequest } from '../publishers/publish-request.fixture';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { testConfig, testEgress } from '../support/test-config';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLIC = 'https://gaung.example';
const signal = () => new AbortController().signal;
const polling = { intervalMs: 5, maxAttempts: 5 };
const INSIGHT_SCOPE = {
  facebook: 'read_insights',
  instagram: 'instagram_manage_insights',
  threads: 'threads_manage_insights',
  linkedin: 'r_organization_social',
} as const;

/**
 * ANALYTICS_INSIGHT_SCOPES (docs/analytics.md): the sign-in asks for the insights permissions only
 * when the operator opts in. Each platform's contract plays its consent dialog: the admin grants
 * what the authorize URL asks, and the token carries exactly that. An account connected through the
 * app without the setting reads "not available" (or public counts only); through the app with it,
 * the same account reads its insights.
 */
describe('insight permissions at sign-in (ANALYTICS_INSIGHT_SCOPES)', () => {
  const http = new PlatformHttp(testEgress());
  let fb: FacebookContract;
  let fbMetrics: FacebookMetricsContract;
  let threads: ThreadsContract;
  let threadsInsights: MediaInsightsContract;
  let linkedin: LinkedInContract;
  let linkedinMetrics: LinkedInMetricsContract;
  /** The same platforms behind two apps: without ANALYTICS_INSIGHT_SCOPES (off) and with it (on). */
  const apps = new Map<'off' | 'on', { t: TestApp; ws: FixtureWorkspace }>();
  const page = { id: '1029384756', name: 'KSPI Pusat', username: 'kspi.pusat', pageAccessToken: 'page-token-kspi' };

  beforeAll(async () => {
    fb = await new FacebookContract().addPage(page).start();
    fb.app.redirectUri = `${PUBLIC}/oauth/callback/facebook`;
    fbMetrics = new FacebookMetricsContract(fb);
    threads = await new ThreadsContract()
      .addUser('31337', { token: 'th-long-token', username: 'kspi', name: 'KSPI' })
      .start();
    threads.app.redirectUri = `${PUBLIC}/oauth/callback/threads`;
    threadsInsights = new MediaInsightsContract(threads, THREADS_INSIGHTS, threads.consent);
    linkedin = await new LinkedInContract().start();
    linkedin.members.set('m-42', { sub: 'm-42', name: 'Sekretariat KSBSI', adminOf: ['5550001'] });
    linkedin.organizations.set('5550001', { localizedName: 'KSBSI', vanityName: 'ksbsi' });
    linkedin.app.redirectUri = `${PUBLIC}/oauth/callback/linkedin`;
    linkedinMetrics = new LinkedInMetricsContract(linkedin);
    const platforms = {
      PUBLIC_BASE_URL: PUBLIC,
      GRAPH_API_URL: fb.apiUrl,
      FACEBOOK_APP_ID: fb.app.appId,
      FACEBOOK_APP_SECRET: fb.app.appSecret,
      THREADS_API_URL: threads.apiUrl,
      THREADS_APP_ID: threads.app.appId,
      THREADS_APP_SECRET: threads.app.appSecret,
      LINKEDIN_API_URL: linkedin.baseUrl,
      LINKEDIN_CLIENT_ID: linkedin.app.clientId,
      LINKEDIN_CLIENT_SECRET: linkedin.app.clientSecret,
      PUBLISH_TIMEOUT_MS: '3000',
    };
    for (const mode of ['off', 'on'] as const) {
      const t = await startTestApp({
        config: { ...platforms, ...(mode === 'on' ? { ANALYTICS_INSIGHT_SCOPES: 'true' } : {}) },
      });
      apps.set(mode, { t, ws: await createWorkspace(t.prisma) });
    }
  });
  afterAll(async () => {
    for (const { t } of apps.values()) await t.close();
    await Promise.all([fb.stop(), threads.stop(), linkedin.stop()]);
  });

  async function startSignIn(mode: 'off' | 'on', platform: keyof typeof INSIGHT_SCOPE): Promise<string> {
    const { t, ws } = apps.get(mode)!;
    const res = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/oauth/${platform}/start`)
      .set(bearer(ws.users.ADMIN))
      .expect(200);
    return res.body.authorizeUrl as string;
  }

  /** The callback the dialog redirects to; answers the connected account's stored credentials. */
  async function finishSignIn(
    mode: 'off' | 'on',
    platform: string,
    authorizeUrl: string,
    code: string,
    dbPlatform: Platform,
  ) {
    const { t, ws } = apps.get(mode)!;
    await t
      .http()
      .get(`/oauth/callback/${platform}`)
      .query({ code, state: new URL(authorizeUrl).searchParams.get('state') })
      .expect(200);
    const row = await t.prisma.connectedAccount.findFirstOrThrow({
      where: { workspaceId: ws.id, platform: dbPlatform },
      orderBy: { createdAt: 'desc' },
    });
    return t.app.get(AccountCredentialsStore).open(row);
  }

  const scopesOf = (url: string, separator: string) => new URL(url).searchParams.get('scope')!.split(separator);

  it.each([
    ['facebook', ','],
    ['instagram', ','],
    ['threads', ','],
    ['linkedin', ' '],
  ] as const)(
    '%s: the authorize URL asks for the insights permission only when the operator opted in',
    async (platform, separator) => {
      const off = scopesOf(await startSignIn('off', platform), separator);
      const on = scopesOf(await startSignIn('on', platform), separator);
      expect(off).not.toContain(INSIGHT_SCOPE[platform]);
      expect(on).toContain(INSIGHT_SCOPE[platform]);
      // Nothing else changes: the publishing permissions are asked either way.
      expect(on.filter((scope) => scope !== INSIGHT_SCOPE[platform])).toEqual(off);
    },
  );

  it('Facebook: a page connected without read_insights reads its counts but no reach; connected with it, the reach too', async () => {
    const read = async (mode: 'off' | 'on') => {
      const url = await startSignIn(mode, 'facebook');
      const credentials = await finishSignIn(mode, 'facebook', url, fb.approve(url), 'FACEBOOK');
      const kspi = account('FACEBOOK', { externalId: page.id, credentials });
      const config = testConfig({ GRAPH_API_URL: fb.apiUrl });
      const { externalId } = await new FacebookPublisher(http, config).publish(
        publishRequest(kspi, { text: `Tolak upah murah (${mode})` }),
      );
      fbMetrics.counts.set(externalId, { reactions: 41, comments: 6, shares: 3 });
      fbMetrics.reach.set(externalId, 1500);
      return new FacebookMetrics(http, config).read(kspi, externalId, signal());
    };
    await expect(read('off')).resolves.toEqual({ state: 'OK', counts: { reactions: 41, comments: 6, shares: 3 } });
    await expect(read('on')).resolves.toEqual({
      state: 'OK',
      counts: { reactions: 41, comments: 6, shares: 3, reach: 1500 },
    });
  });

  it('Threads: connected without threads_manage_insights it is "not available"; connected with it, the insights', async () => {
    const read = async (mode: 'off' | 'on') => {
      const url = await startSignIn(mode, 'threads');
      const credentials = await finishSignIn(mode, 'threads', url, threads.approve(url, '31337'), 'THREADS');
      const kspi = account('THREADS', { externalId: '31337', credentials });
      const config = testConfig({ THREADS_API_URL: threads.apiUrl });
      const { externalId } = await new ThreadsPublisher(http, config, polling).publish(
        publishRequest(kspi, { text: `Hidup buruh! (${mode})` }),
      );
      threadsInsights.values.set(externalId, { views: 800, likes: 50, replies: 7, reposts: 5, quotes: 1, shares: 2 });
      return new ThreadsMetrics(http, config).read(kspi, externalId, signal());
    };
    await expect(read('off')).resolves.toEqual({ state: 'NOT_AVAILABLE' });
    await expect(read('on')).resolves.toEqual({
      state: 'OK',
      counts: { views: 800, likes: 50, replies: 7, reposts: 5, quotes: 1, shares: 2 },
    });
  });

  it('LinkedIn: connected without r_organization_social the organisation\'s counts are "not available"; connected with it, they are read', async () => {
    const read = async (mode: 'off' | 'on') => {
      const url = await startSignIn(mode, 'linkedin');
      const credentials = await finishSignIn(mode, 'linkedin', url, linkedin.approve(url, 'm-42'), 'LINKEDIN');
      const org = account('LINKEDIN', { externalId: 'urn:li:organization:5550001', credentials });
      const config = testConfig({ LINKEDIN_API_URL: linkedin.baseUrl });
      const { externalId } = await new LinkedInPublisher(http, config).publish(
        publishRequest(org, { text: `Upah layak untuk semua (${mode})` }),
      );
      linkedinMetrics.summaries.set(externalId, { likes: 25, comments: 8 });
      return new LinkedInMetrics(http, config).read(org, externalId, signal());
    };
    await expect(read('off')).resolves.toEqual({ state: 'NOT_AVAILABLE' });
    await expect(read('on')).resolves.toEqual({ state: 'OK', counts: { likes: 25, comments: 8 } });
  });

  it('Instagram (Facebook Login): without instagram_manage_insights only likes and comments; with it, reach, views, saves and shares', async () => {
    const graph = await new InstagramLoginContract(PUBLIC).start();
    try {
      graph.addPage({
        id: '101',
        name: 'KSPI Pusat',
        username: 'kspipusat',
        pageAccessToken: 'page-token-101',
        instagram: { id: '17841400000000101', username: 'kspi.pusat' },
      });
      const insights = new MediaInsightsContract(graph.instagram, INSTAGRAM_INSIGHTS, graph.facebook.consent);
      const config = testConfig({ GRAPH_API_URL: graph.apiUrl });
      const app = { appId: graph.app.appId, appSecret: graph.app.appSecret, redirectUri: graph.app.redirectUri };
      const read = async (options: { insights?: boolean }) => {
        // The same builder and exchange the sign-in uses (OAuthFlows passes ANALYTICS_INSIGHT_SCOPES as `insights`).
        const url = buildInstagramAuthorizeUrl(app, 'st-ig', graph.apiUrl, options);
        const user = await exchangeInstagramCode(http, graph.apiUrl, app, graph.facebook.approve(url), signal());
        const [found] = await instagramAccounts(http, graph.apiUrl, user.accessToken, signal());
        const kspi = account('INSTAGRAM', { externalId: found!.externalId, credentials: found!.credentials });
        const { externalId } = await new InstagramPublisher(http, config, polling).publish(
          publishRequest(kspi, { text: 'Mogok #TolakOmnibus', media: [image('poster')] }),
        );
        insights.values.set(externalId, { reach: 900, views: 1400, likes: 120, comments: 9, saved: 14, shares: 3 });
        insights.publicCounts.set(externalId, { like_count: 120, comments_count: 9 });
        return new InstagramMetrics(http, config).read(kspi, externalId, signal());
      };
      await expect(read({})).resolves.toEqual({ state: 'OK', counts: { likes: 120, comments: 9 } });
      await expect(read({ insights: true })).resolves.toEqual({
        state: 'OK',
        counts: { reach: 900, views: 1400, likes: 120, comments: 9, saves: 14, shares: 3 },
      });
    } finally {
      await graph.stop();
    }
  });
});
