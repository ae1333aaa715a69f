import { SecretBox } from '../../../src/core/crypto';
import { MastodonContract, type MastodonFault } from '../../contracts/mastodon/mastodon-contract';
import type { TestApp } from '../../support/test-app';
import type { Fixture } from '../engine-fixtures';

/** What the chaos run checks at a platform's server: each target's post counted by its text. */
export interface ServerFigures {
  duplicates: number;
  publishedWithoutPost: number;
  postedButFailed: number;
}

export interface TargetAtEnd {
  id: string;
  state: string;
  externalId: string | null;
  text: string;
}

/**
 * The Mastodon part of a chaos run: a Mastodon contract server in its worst modes at once. It
 * ignores Idempotency-Key (a retry with the same key posts again, so only the engine's look-up
 * before an ambiguous retry prevents a duplicate) and closes each connection after answering
 * without saying so (a stale keep-alive socket). During the chaos 15 % of status creations
 * misbehave: dropped or hung after the status was created, 500 or 503 before it was (ambiguous to
 * Gaung all the same), or 429.
 */
export class ChaosMastodon {
  readonly instance = new MastodonContract('chaos.serikat.test');
  faultsInjected = 0;

  async start(): Promise<this> {
    await this.instance.start();
    this.instance.ignoresIdempotencyKey = true;
    this.instance.server.closesSilently = true;
    const faults: Array<() => MastodonFault> = [
      () => ({ kind: 'drop-after-create' }),
      () => ({ kind: 'hang-after-create' }),
      () => ({ kind: 'error', status: 500, error: 'We are sorry, but something went wrong' }),
      () => ({ kind: 'error', status: 503, error: 'Service Unavailable' }),
      () => ({ kind: 'rate-limited', resetInSeconds: Math.random() < 0.5 ? 0 : 1 }),
    ];
    this.instance.randomStatusFault = {
      chance: 0.15,
      pick: () => (this.faultsInjected++, faults[Math.floor(Math.random() * faults.length)]!()),
    };
    return this;
  }

  /** The world heals: no more injected faults (the server still ignores keys and closes sockets). */
  calm(): void {
    this.instance.randomStatusFault = null;
  }

  stop(): Promise<void> {
    return this.instance.stop();
  }

  /** A MASTODON channel in the base fixture's workspace, connected as Gaung stores it (id, token sealed). */
  async addAccount(testApp: TestApp, base: Fixture, index: number): Promise<Fixture> {
    const remoteId = String(1000 + index);
    const token = `chaos-mastodon-token-${index}`;
    this.instance.tokens.set(token, {
      accountId: remoteId,
      scopes: ['read:accounts', 'read:statuses', 'write:statuses', 'write:media'],
    });
    const account = await testApp.prisma.connectedAccount.create({
      data: {
        workspaceId: base.workspaceId,
        platform: 'MASTODON',
        displayName: `Mastodon ${index}`,
        baseUrl: this.instance.baseUrl,
        externalId: remoteId,
        handle: `@kanal${index}@chaos.serikat.test`,
      },
    });
    const sealed = testApp.app.get(SecretBox).seal(JSON.stringify({ accessToken: token }), {
      workspaceId: base.workspaceId,
      subject: `account:${account.id}`,
    });
    await testApp.prisma.connectedAccount.update({
      where: { id: account.id },
      data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
    });
    return { ...base, accountId: account.id };
  }

  /** Statuses counted by text (each target's text is unique in a run). */
  figures(targets: TargetAtEnd[]): ServerFigures {
    const byText = new Map<string, string[]>();
    for (const status of this.instance.statuses)
      byText.set(status.content, [...(byText.get(status.content) ?? []), status.id]);
    return {
      duplicates: targets.filter((t) => (byText.get(t.text)?.length ?? 0) > 1).length,
      // PUBLISHED must point at the status that exists (found by the look-up or created by the call).
      publishedWithoutPost: targets.filter(
        (t) => t.state === 'PUBLISHED' && !(byText.get(t.text) ?? []).includes(t.externalId ?? ''),
      ).length,
      postedButFailed: targets.filter((t) => t.state === 'FAILED' && byText.has(t.text)).length,
    };
  }
}
