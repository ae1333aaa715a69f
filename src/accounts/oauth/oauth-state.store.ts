import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RedisService } from '../../core/queue';

/** What an OAuth state stands for: who started the flow, where, and the flow's own secrets. */
export interface OAuthStateData {
  /** The platform's OAuth segment (/oauth/callback/<segment>). */
  platform: string;
  workspaceId: string;
  userId: string;
  /** The session or API token the admin used: the flow dies with it. */
  sessionId: string | null;
  apiTokenId: string | null;
  /** X's PKCE verifier; never leaves the server. */
  verifier?: string;
  /** Mastodon's instance. */
  instanceUrl?: string;
}

export const OAUTH_STATE_TTL_SECONDS = 10 * 60;

/**
 * OAuth `state` values: 32 random bytes, kept in Redis for 10 minutes and taken with GETDEL, so a
 * state works once. The value is only a key: everything it binds lives server-side.
 */
@Injectable()
export class OAuthStateStore {
  constructor(private readonly redis: RedisService) {}

  async issue(data: OAuthStateData): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    await this.redis.client.set(this.key(state), JSON.stringify(data), 'EX', OAUTH_STATE_TTL_SECONDS);
    return state;
  }

  /** The state's data, removed at once; null when forged, expired or already used. */
  async take(state: string): Promise<OAuthStateData | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(state)) return null;
    const raw = await this.redis.client.getdel(this.key(state));
    return raw ? (JSON.parse(raw) as OAuthStateData) : null;
  }

  private key(state: string): string {
    return this.redis.key('oauth-state', state);
  }
}
