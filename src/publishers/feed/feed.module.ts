import { Module } from '@nestjs/common';
import { MediaModule } from '../../media/media.module';
import { FeedController } from './feed.controller';
import { FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';

/** Serves the Atom feeds of FEED accounts (API role). */
@Module({ imports: [MediaModule], controllers: [FeedController], providers: [FeedService, FeedRepository] })
export class FeedModule {}
