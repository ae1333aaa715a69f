import { Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse, ZodBody, ZodQuery } from '../core/http';
import { createPostSchema, listPostsSchema, updatePostSchema } from './posts.schemas';
import { PostsService } from './posts.service';
import { postCheckView, postPageView, postView } from './post-view';
import { postVersionListView } from './post-versions';

@ApiTags('posts')
@Controller('workspaces/:workspace/posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Post()
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({
    summary: "Draft a post for one or more of this workspace's accounts; per-platform issues are reported per target",
  })
  @ApiZodBody(createPostSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(201, postView)
  create(@Access() access: WorkspaceAccess, @ZodBody(createPostSchema) body: z.infer<typeof createPostSchema>) {
    return this.posts.create(access, body);
  }

  @Post('check')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dry run of a create: the same checks and per-target issues, nothing written' })
  @ApiZodBody(createPostSchema)
  @ApiZodResponse(200, postCheckView)
  @ApiErrors(400, 422)
  checkCreate(@Access() access: WorkspaceAccess, @ZodBody(createPostSchema) body: z.infer<typeof createPostSchema>) {
    return this.posts.check(access, body);
  }

  @Post(':postId/check')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dry run of an edit: the post as the edit would make it, checked; nothing written' })
  @ApiZodBody(updatePostSchema)
  @ApiZodResponse(200, postCheckView)
  @ApiErrors(400, 409, 422)
  checkUpdate(
    @Access() access: WorkspaceAccess,
    @Param('postId') postId: string,
    @ZodBody(updatePostSchema) body: z.infer<typeof updatePostSchema>,
  ) {
    return this.posts.check(access, body, postId);
  }

  @Get()
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Posts of this workspace, newest first; page with ?before=<nextBefore>' })
  @ApiZodQuery(listPostsSchema)
  @ApiErrors(400)
  @ApiZodResponse(200, postPageView)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listPostsSchema) query: z.infer<typeof listPostsSchema>) {
    return this.posts.list(access, query);
  }

  @Get(':postId')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'A post with its deliveries and current per-platform issues' })
  @ApiZodResponse(200, postView)
  get(@Access() access: WorkspaceAccess, @Param('postId') postId: string) {
    return this.posts.get(access, postId);
  }

  @Get(':postId/versions')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Every version of a post (texts per target, time, editor), oldest first' })
  @ApiZodResponse(200, postVersionListView)
  versions(@Access() access: WorkspaceAccess, @Param('postId') postId: string) {
    return this.posts.versionsOf(access, postId);
  }

  @Patch(':postId')
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({
    summary: 'Edit text, targets, media or time: bumps the version; an approved post goes back to review',
  })
  @ApiZodBody(updatePostSchema)
  @ApiErrors(400, 409, 422)
  @ApiZodResponse(200, postView)
  update(
    @Access() access: WorkspaceAccess,
    @Param('postId') postId: string,
    @ZodBody(updatePostSchema) body: z.infer<typeof updatePostSchema>,
  ) {
    return this.posts.update(access, postId, body);
  }
}
