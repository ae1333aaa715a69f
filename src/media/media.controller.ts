import { Body, Controller, Get, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiZodBody, ApiZodQuery, ZodBody, ZodQuery, zUuid } from '../core/http';
import { MediaService } from './media.service';

const uploadQuerySchema = z.object({ alt: z.string().max(1500).optional() }).strict();
const listQuerySchema = z.object({ before: zUuid.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
const altTextSchema = z.object({ altText: z.string().trim().max(1500).nullable() }).strict();

@ApiTags('media')
@Controller()
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post('workspaces/:workspace/media')
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({ summary: 'Upload an image (JPEG, PNG, GIF, WebP) or video (MP4) as the raw request body; ?alt= sets its description' })
  @ApiConsumes('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiZodQuery(uploadQuerySchema)
  @ApiErrors(400, 413, 415)
  upload(@Access() access: WorkspaceAccess, @Body() body: unknown, @ZodQuery(uploadQuerySchema) query: z.infer<typeof uploadQuerySchema>) {
    return this.media.upload(access, Buffer.isBuffer(body) ? body : Buffer.alloc(0), query.alt ?? null);
  }

  @Get('workspaces/:workspace/media')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: "The workspace's media library, newest first" })
  @ApiZodQuery(listQuerySchema)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listQuerySchema) query: z.infer<typeof listQuerySchema>) {
    return this.media.list(access, query.before, query.limit);
  }

  @Patch('workspaces/:workspace/media/:mediaId')
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({ summary: 'Set or clear the alt text (description for screen readers)' })
  @ApiZodBody(altTextSchema)
  @ApiErrors(400)
  setAlt(@Access() access: WorkspaceAccess, @Param('mediaId') mediaId: string, @ZodBody(altTextSchema) body: z.infer<typeof altTextSchema>) {
    return this.media.setAltText(access, mediaId, body.altText);
  }

  /** Public by design: platforms fetch media by URL; the signature makes the URL unguessable. */
  @Get('media/:mediaId/:signature')
  @ApiExcludeEndpoint()
  async serve(@Param('mediaId') mediaId: string, @Param('signature') signature: string, @Res() res: Response) {
    const { mimeType, bytes, expiresAt } = await this.media.publicBytes(mediaId, signature);
    res.setHeader('content-type', mimeType);
    const previewSeconds = expiresAt ? Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) : null;
    // A preview is for one person's browser and only until its URL expires.
    res.setHeader('cache-control', previewSeconds === null ? 'public, max-age=86400, immutable' : `private, max-age=${previewSeconds}`);
    res.end(bytes);
  }
}
