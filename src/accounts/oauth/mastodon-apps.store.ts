import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { SecretBox } from '../../core/crypto';
import { RedisService } from '../../core/queue';
import { PlatformHttp, type ClientAppRegistry } from '../../publishers';
import { registerMastodonApp, type MastodonApp } from '../../publishers/mastodon/mastodon-oauth';

/**
 * Gaung's client app on each Mastodon instance, registered on first use (POST /api/v1/apps) and
 * cached in Redis without expiry. The client secret is sealed like account credentials; if the
 * cache is lost or its key rotated away, the app is simply registered again.
 */
@Injectable()
export class MastodonAppsStore implements ClientAppRegistry {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly secrets: SecretBox,
    private readonly http: PlatformHttp,
  ) {}

  async appFor(instanceUrl: string, redirectUri: string, signal: AbortSignal): Promise<MastodonApp> {
    const cached = await this.cached(instanceUrl);
    if (cached) return cached;
    const app = await registerMastodonApp(
      this.http,
      instanceUrl,
      { clientName: 'Gaung', redirectUri, website: this.config.PUBLIC_BASE_URL },
      signal,
    );
    const sealed = this.secrets.seal(app.clientSecret, binding(instanceUrl));
    await this.redis.client.set(
      this.key(instanceUrl),
      JSON.stringify({
        clientId: app.clientId,
        keyId: sealed.keyId,
        secret: Buffer.from(sealed.ciphertext).toString('base64'),
      }),
    );
    return app;
  }

  async cached(instanceUrl: string): Promise<MastodonApp | null> {
    const raw = await this.redis.client.get(this.key(instanceUrl));
    if (!raw) return null;
    try {
      const entry = JSON.parse(raw) as { clientId: string; keyId: string; secret: string };
      const clientSecret = this.secrets.open(
        { keyId: entry.keyId, ciphertext: new Uint8Array(Buffer.from(entry.secret, 'base64')) },
        binding(instanceUrl),
      );
      return { clientId: entry.clientId, clientSecret };
    } catch {
      return null;
    }
  }

  /** The instance no longer knows our app (invalid_client): register again next time. */
  async forget(instanceUrl: string): Promise<void> {
    await this.redis.client.del(this.key(instanceUrl));
  }

  private key(instanceUrl: string): string {
    return this.redis.key('mastodon-app', new URL(instanceUrl).origin);
  }
}

function binding(instanceUrl: string) {
  return { workspaceId: 'instance', subject: `mastodon-app:${new URL(instanceUrl).origin}` };
}
