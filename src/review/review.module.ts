import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { PublishingModule } from '../publishing';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';

/** Review and scheduling stand on drafting (posts): review imports posts, never the reverse. */
@Module({
  imports: [PostsModule, PublishingModule],
  controllers: [ReviewController, StatementsController],
  providers: [ReviewService, StatementsService],
  // Telegram's review buttons act through the same service (src/telegram).
  exports: [ReviewService, StatementsService],
})
export class ReviewModule {}
