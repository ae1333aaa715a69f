import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { MediaController } from './media.controller';
import { MediaIngest } from './media-ingest';
import { MediaLibrary } from './media-library';
import { MediaRenditions } from './media-renditions';
import { MediaUrls } from './media-urls';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { LocalMediaStorage } from './storage/local-storage';
import { MediaStorage } from './storage/media-storage';
import { S3MediaStorage } from './storage/s3-storage';

/** Object storage when configured (several processes or machines), else the local directory (a shared volume in Docker). */
function mediaStorageFor(config: AppConfig): MediaStorage {
  const {
    MEDIA_S3_ENDPOINT: endpoint,
    MEDIA_S3_BUCKET: bucket,
    MEDIA_S3_ACCESS_KEY: accessKey,
    MEDIA_S3_SECRET_KEY: secretKey,
  } = config;
  // The config check makes these all-or-nothing.
  if (endpoint && bucket && accessKey && secretKey)
    return new S3MediaStorage({ endpoint, bucket, accessKey, secretKey, region: config.MEDIA_S3_REGION });
  return new LocalMediaStorage(config.MEDIA_DIR);
}

/** Media storage and look-ups: the API and the worker (which hands media to publishers). */
@Module({
  providers: [
    MediaService,
    MediaRepository,
    MediaIngest,
    MediaLibrary,
    MediaRenditions,
    MediaUrls,
    { provide: MediaStorage, useFactory: mediaStorageFor, inject: [APP_CONFIG] },
  ],
  exports: [MediaService, MediaUrls, MediaStorage],
})
export class MediaModule {}

/** The media library over HTTP: API only (its guards come from AuthModule, which the worker does not load). */
@Module({ imports: [MediaModule], controllers: [MediaController] })
export class MediaApiModule {}
