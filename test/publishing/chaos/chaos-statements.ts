import { createUser } from '../../support/fixtures';
import type { TestApp } from '../../support/test-app';
import type { Fixture } from '../engine-fixtures';

/**
 * Rapid-response statements in a chaos run (issue 13): written by one member and released by
 * another through the API, at spread moments of the burst, each to several of the run's WEBHOOK
 * accounts at once. Their targets join the run's, so the same invariants (nothing lost, nothing
 * posted twice) are checked for them. The writer's own release is refused every time.
 */
export class ChaosStatements {
  released = 0;
  private next = 0;

  private constructor(
    private readonly testApp: TestApp,
    private readonly slug: string,
    private readonly accountIds: string[],
    private readonly writer: { token: string },
    private readonly releaser: { token: string },
  ) {}

  static async start(testApp: TestApp, base: Fixture, fixtures: Fixture[]): Promise<ChaosStatements> {
    const prisma = testApp.prisma;
    const writer = await createUser(prisma);
    const releaser = await createUser(prisma);
    await prisma.membership.createMany({
      data: [
        { workspaceId: base.workspaceId, userId: writer.id, role: 'COORDINATOR' },
        { workspaceId: base.workspaceId, userId: releaser.id, role: 'COORDINATOR' },
      ],
    });
    const accountIds = [...new Set(fixtures.filter((f) => f.workspaceId === base.workspaceId).map((f) => f.accountId))];
    return new ChaosStatements(testApp, base.workspaceSlug, accountIds, writer, releaser);
  }

  /** Writes one statement to `width` accounts (the next ones in turn), releases it, and answers its target ids. */
  async writeAndRelease(width: number): Promise<string[]> {
    const accounts = Array.from(
      { length: Math.min(width, this.accountIds.length) },
      () => this.accountIds[this.next++ % this.accountIds.length]!,
    );
    const http = () => this.testApp.http();
    const auth = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });
    const write = () =>
      http()
        .post(`/workspaces/${this.slug}/statements`)
        .set(auth(this.writer))
        .send({
          baseText: `Pernyataan ${this.released + 1}`,
          targets: [...new Set(accounts)].map((accountId) => ({ accountId })),
        });
    // A loaded machine can leave the database too busy to start the write (503 server_busy, nothing
    // written): the writer tries again after Retry-After, as the web app's person would.
    let written = await write();
    for (let tries = 0; written.status === 503 && tries < 3; tries++) {
      await new Promise((resolve) => setTimeout(resolve, Number(written.headers['retry-after'] ?? 1) * 1000));
      written = await write();
    }
    expect({ status: written.status, body: written.body as unknown }).toMatchObject({ status: 201 });
    const own = await http()
      .post(`/workspaces/${this.slug}/statements/${written.body.id}/release`)
      .set(auth(this.writer))
      .send({ version: written.body.version });
    expect(own.status).toBe(403);
    const released = await http()
      .post(`/workspaces/${this.slug}/statements/${written.body.id}/release`)
      .set(auth(this.releaser))
      .send({ version: written.body.version });
    expect(released.status).toBe(200);
    this.released++;
    return (released.body.targets as Array<{ id: string }>).map((target) => target.id);
  }
}
