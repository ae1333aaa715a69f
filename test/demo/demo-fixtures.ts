import { SecretBox } from '../../src/core/crypto';
import { DEMO_RECEIVER_PATH } from '../../src/demo/demo-seed';
import type { FixtureWorkspace } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

/** A WEBHOOK channel pointing at the app's own demo receiver, with its own signing secret (as the seed makes it). */
export async function createDemoChannel(t: TestApp, ws: Pick<FixtureWorkspace, 'id'>, baseUrl: string, secret: string) {
  const account = await t.prisma.connectedAccount.create({
    data: { workspaceId: ws.id, platform: 'WEBHOOK', displayName: 'demo', baseUrl: `${baseUrl}${DEMO_RECEIVER_PATH}` },
  });
  const sealed = t.app
    .get(SecretBox)
    .seal(JSON.stringify({ secret }), { workspaceId: ws.id, subject: `account:${account.id}` });
  await t.prisma.connectedAccount.update({
    where: { id: account.id },
    data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
  });
  return account;
}
