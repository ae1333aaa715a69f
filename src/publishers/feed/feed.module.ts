import { Module } from '@nestjs/common';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';

/** Serves the Atom feeds of FEED accounts (API role). */
@Module({ controllers: [FeedController], providers: [FeedService] })
export class FeedModule {}
