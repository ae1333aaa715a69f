import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodBody } from '../core/http';
import { approveSchema, commentSchema, rescheduleSchema } from '../posts/posts.schemas';
import { ReviewService } from './review.service';
import { commentView, scheduledPostView, threadCommentListView } from './review-views';
import { postView } from '../posts/post-view';

@ApiTags('review')
@Controller('workspaces/:workspace/posts/:postId')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Post('submit')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit for review (refused while a target has content problems)' })
  @ApiErrors(409, 422)
  @ApiZodResponse(200, postView)
  submit(@Access() access: WorkspaceAccess, @Param('postId') postId: string) {
    return this.review.submit(access, postId);
  }

  @Post('approve')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approve the version you reviewed; its deliveries are scheduled. Returns rate-budget warnings.',
  })
  @ApiZodBody(approveSchema)
  @ApiErrors(400, 409, 422)
  @ApiZodResponse(200, scheduledPostView)
  approve(
    @Access() access: WorkspaceAccess,
    @Param('postId') postId: string,
    @ZodBody(approveSchema) body: z.infer<typeof approveSchema>,
  ) {
    return this.review.approve(access, postId, body.version);
  }

  @Post('request-changes')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send back with a comment; an approval is withdrawn' })
  @ApiZodBody(commentSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(200, postView)
  requestChanges(
    @Access() access: WorkspaceAccess,
    @Param('postId') postId: string,
    @ZodBody(commentSchema) body: z.infer<typeof commentSchema>,
  ) {
    return this.review.requestChanges(access, postId, body.body);
  }

  @Post('withdraw')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take a submitted or approved post back to draft (author or coordinator)' })
  @ApiErrors(409)
  @ApiZodResponse(200, postView)
  withdraw(@Access() access: WorkspaceAccess, @Param('postId') postId: string) {
    return this.review.withdraw(access, postId);
  }

  @Post('cancel')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel for good: nothing of it publishes afterwards (author or coordinator)' })
  @ApiErrors(409)
  @ApiZodResponse(200, postView)
  cancel(@Access() access: WorkspaceAccess, @Param('postId') postId: string) {
    return this.review.cancel(access, postId);
  }

  @Post('reschedule')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Move an approved post in time; it stays approved (new version). Wall-clock time + IANA zone, or an instant.',
  })
  @ApiZodBody(rescheduleSchema)
  @ApiErrors(400, 409, 422)
  @ApiZodResponse(200, scheduledPostView)
  reschedule(
    @Access() access: WorkspaceAccess,
    @Param('postId') postId: string,
    @ZodBody(rescheduleSchema) body: z.infer<typeof rescheduleSchema>,
  ) {
    return this.review.reschedule(access, postId, body.schedule, body.notAfter);
  }

  @Get('comments')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'The review thread of a post' })
  @ApiZodResponse(200, threadCommentListView)
  comments(@Access() access: WorkspaceAccess, @Param('postId') postId: string) {
    return this.review.comments(access, postId);
  }

  @Post('comments')
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({ summary: 'Comment on a post' })
  @ApiZodBody(commentSchema)
  @ApiErrors(400)
  @ApiZodResponse(201, commentView)
  comment(
    @Access() access: WorkspaceAccess,
    @Param('postId') postId: string,
    @ZodBody(commentSchema) body: z.infer<typeof commentSchema>,
  ) {
    return this.review.comment(access, postId, body.body);
  }
}
