import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { PublishersModule } from '../publishers';
import { PublishingModule } from '../publishing';
import { ReviewController } from '../review/review.controller';
import { ReviewService } from '../review/review.service';
import { PostsController } from './posts.controller';
import { PostVersionsRepository } from './post-versions';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/** Drafting (posts) and review share the post's repository and rules; one module serves both. */
@Module({
  imports: [CampaignsModule, PublishersModule, PublishingModule],
  controllers: [PostsController, ReviewController],
  providers: [PostsService, PostsRepository, PostVersionsRepository, ReviewService],
  exports: [PostsService, PostsRepository],
})
export class PostsModule {}
