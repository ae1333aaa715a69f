import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { PublishersModule } from '../publishers';
import { PublishingModule } from '../publishing';
import { PostsController } from './posts.controller';
import { PostVersionsRepository } from './post-versions.repository';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/** Drafting: create, edit, read posts. Review (src/review) stands on it through the exports. */
@Module({
  imports: [CampaignsModule, PublishersModule, PublishingModule],
  controllers: [PostsController],
  providers: [PostsService, PostsRepository, PostVersionsRepository],
  exports: [PostsService, PostsRepository, PostVersionsRepository],
})
export class PostsModule {}
