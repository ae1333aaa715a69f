import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { SecretBox } from '../../src/core/crypto';
import { MediaStorage } from '../../src/media/storage/media-storage';
import { DeliveryScheduler } from '../../src/publishing';
import { BlueskyContract, MAX_IMAGE_BLOB_BYTES } from '../contracts/bluesky/bluesky-contract';
import { S3Contract } from '../contracts/s3/s3-contract';
import { waitForState } from '../publishing/engine-fixtures';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWorkerProcess, workerEnvironment, type WorkerProcess } from '../support/worker-process';
import { noisyPhoto } from './image-fixtures';

const DID = 'did:plc:kspimedia';
const FINAL = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'HELD'];

/**
 * One publish flow, with media on a local directory and in an S3-compatible bucket: the API (in
 * this process) takes the upload, the built worker in an operating-system process of its own
 * (`node dist/main.js worker`, as in the documented deployment) publishes it to Bluesky, reading
 * the media from the shared storage and fitting it to Bluesky's 1,000,000-byte image limit. The
 * worker's sweeper scans its whole database, so the flow runs in a database of its own.
 */
describe.each(['local directory', 'S3-compatible bucket'])(
  'media from upload to Bluesky, stored in a %s',
  (storageName) => {
    let s3: S3Contract | undefined;
    let pds: BlueskyContract;
    let database: IsolatedDatabase;
    let api: TestApp;
    let worker: WorkerProcess;
    const workerOutput: string[] = [];
    let ws: FixtureWorkspace;
    let accountId: string;

    beforeAll(async () => {
      pds = await new BlueskyContract().start();
      pds.addAccount({ did: DID, handle: 'kspi.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
      const storage: Record<string, string> =
        storageName === 'local directory'
          ? { MEDIA_DIR: mkdtempSync(join(tmpdir(), 'gaung-shared-media-')) }
          : await (async () => {
              s3 = await new S3Contract().start();
              return {
                MEDIA_S3_ENDPOINT: s3.baseUrl,
                MEDIA_S3_BUCKET: s3.bucket,
                MEDIA_S3_ACCESS_KEY: s3.accessKey,
                MEDIA_S3_SECRET_KEY: s3.secretKey,
              };
            })();
      database = await createIsolatedDatabase();
      api = await startTestApp({
        roles: ['api'],
        config: { ...storage, DATABASE_URL: database.url, BLUESKY_SERVICE_URL: pds.baseUrl },
      });
      // Nothing but the environment is shared: only the shared storage can hold the media.
      const environment = {
        ...storage,
        DATABASE_URL: database.url,
        REDIS_URL: api.config.REDIS_URL,
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        BLUESKY_SERVICE_URL: pds.baseUrl,
      };
      worker = startWorkerProcess(workerEnvironment(environment), (line) => workerOutput.push(line));
      await worker.started.catch((error: Error) => {
        throw new Error(`${error.message}:\n${workerOutput.join('\n')}`);
      });
      ws = await createWorkspace(api.prisma);
      const account = await api.prisma.connectedAccount.create({
        data: {
          workspaceId: ws.id,
          platform: 'BLUESKY',
          displayName: 'KSPI',
          externalId: DID,
          handle: 'kspi.bsky.social',
        },
      });
      const sealed = api.app
        .get(SecretBox)
        .seal(JSON.stringify({ identifier: 'kspi.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' }), {
          workspaceId: ws.id,
          subject: `account:${account.id}`,
        });
      await api.prisma.connectedAccount.update({
        where: { id: account.id },
        data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
      });
      accountId = account.id;
      // A database of its own and a worker process booting: more than the default on a busy machine.
    }, 90_000);
    afterAll(async () => {
      await worker?.kill();
      await api?.close();
      await database?.drop();
      await pds?.stop();
      await s3?.stop();
    });

    const upload = async (bytes: Buffer) =>
      (
        await api
          .http()
          .post(`/workspaces/${ws.slug}/media?alt=Aksi`)
          .set(bearer(ws.users.EDITOR))
          .set('content-type', 'image/jpeg')
          .send(bytes)
          .expect(201)
      ).body;

    it('fits an image too large for Bluesky under its byte limit once, publishes the fitted copy and keeps the original', async () => {
      const original = await noisyPhoto(1600, 1200);
      expect(original.length).toBeGreaterThan(MAX_IMAGE_BLOB_BYTES);
      const media = await upload(original);
      expect(media.byteSize).toBeGreaterThan(MAX_IMAGE_BLOB_BYTES);
      // At draft time an image that can be fitted is no issue.
      const draft = await api
        .http()
        .post(`/workspaces/${ws.slug}/posts`)
        .set(bearer(ws.users.EDITOR))
        .send({ baseText: 'Foto aksi', targets: [{ accountId }], mediaIds: [media.id] })
        .expect(201);
      expect(draft.body.targets[0].issues).toEqual([]);

      for (const text of ['Aksi hari ini', 'Aksi lagi besok']) {
        const targetId = await approveAndWake(media.id, text);
        expect((await waitForState(api.prisma, targetId, FINAL, 30_000)).state).toBe('PUBLISHED');
        const post = pds.posts.find((p) => p.record.text === text)!;
        const image = (post.record.embed as { images: Array<{ image: { ref: { $link: string }; size: number } }> })
          .images[0]!.image;
        expect(pds.blobs.get(image.ref.$link)!.size).toBeLessThanOrEqual(MAX_IMAGE_BLOB_BYTES);
      }
      // Made once for Bluesky, used by both posts; the original is untouched.
      const renditions = await api.prisma.mediaRendition.findMany({ where: { mediaId: media.id } });
      expect(renditions).toHaveLength(1);
      expect(renditions[0]).toMatchObject({ platform: 'BLUESKY', mimeType: 'image/jpeg' });
      expect(renditions[0]!.byteSize).toBeLessThanOrEqual(MAX_IMAGE_BLOB_BYTES);
      expect(Math.max(renditions[0]!.width, renditions[0]!.height)).toBeLessThanOrEqual(1600);
      const uploads = pds.server.requestsTo('POST', /uploadBlob$/).slice(-2);
      expect(uploads[0]!.body.equals(uploads[1]!.body)).toBe(true);
      const stored = await api.app.get(MediaStorage).read(`${ws.id}/${media.id}`);
      expect(stored.length).toBe(media.byteSize);
      expect((await sharp(stored).metadata()).width).toBe(1600);
    });

    it('an image that cannot be fitted (Instagram takes 4:5 to 1.91:1, and no cropping is done) is an issue at draft time', async () => {
      const wide = await upload(
        await sharp({ create: { width: 600, height: 200, channels: 3, background: '#c0392b' } })
          .jpeg()
          .toBuffer(),
      );
      const instagram = await api.prisma.connectedAccount.create({
        data: { workspaceId: ws.id, platform: 'INSTAGRAM', displayName: 'IG KSPI' },
      });
      const draft = await api
        .http()
        .post(`/workspaces/${ws.slug}/posts`)
        .set(bearer(ws.users.EDITOR))
        .send({ baseText: 'Spanduk', targets: [{ accountId }, { accountId: instagram.id }], mediaIds: [wide.id] })
        .expect(201);
      const issues = draft.body.targets.map((target: { issues: Array<{ code: string }> }) =>
        target.issues.map((issue) => issue.code),
      );
      expect(issues).toEqual([[], ['instagram.image_aspect']]);
    });

    async function approveAndWake(mediaId: string, text: string): Promise<string> {
      const post = await api.prisma.post.create({
        data: {
          workspaceId: ws.id,
          authorId: ws.users.EDITOR.id,
          baseText: text,
          scheduledAt: new Date(),
          scheduleZone: 'Asia/Jakarta',
          status: 'APPROVED',
          version: 1,
          approvedVersion: 1,
          approvedAt: new Date(),
          media: { create: { mediaId, position: 0 } },
        },
      });
      const target = await api.prisma.postTarget.create({
        data: { postId: post.id, workspaceId: ws.id, accountId, state: 'SCHEDULED', version: 1, dueAt: new Date() },
      });
      await api.app.get(DeliveryScheduler).wake([{ id: target.id, version: 1, dueAt: new Date() }]);
      return target.id;
    }
  },
);
