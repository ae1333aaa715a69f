import { Module } from '@nestjs/common';
import { MediaController } from './media.controller';
import { MediaStore } from './media-store';
import { MediaService } from './media.service';

/** Media storage and look-ups: the API and the worker (which hands media to publishers). */
@Module({ providers: [MediaService, MediaStore], exports: [MediaService, MediaStore] })
export class MediaModule {}

/** The media library over HTTP: API only (its guards come from AuthModule, which the worker does not load). */
@Module({ imports: [MediaModule], controllers: [MediaController] })
export class MediaApiModule {}
