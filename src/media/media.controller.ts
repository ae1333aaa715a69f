import { pipeline } from 'node:stream/promises';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { AppError } from '../core/errors';
import {
  ApiContentResponse,
  ApiErrors,
  ApiNoContent,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  type RawBodyRoute,
  ZodBody,
  ZodQuery,
  zUuid,
} from '../core/http';
import { MEDIA_TEXT } from './media-library';
import { type MediaVariant, VARIANT_PATTERN } from './media-urls';
import { MediaService } from './media.service';
import { mediaListView, mediaView } from './media-views';

const uploadQuerySchema = z.object({ alt: z.string().max(1500).optional() }).strict();
const listQuerySchema = z
  .object({
    before: zUuid.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    q: z.string().trim().min(1).max(100).optional().meta({ description: 'Words in the alt text, or a tag' }),
    tag: z.string().trim().min(1).max(50).optional(),
  })
  .strict();
const tag = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[^,]+$/, 'a tag has no comma');
const detailsSchema = z
  .object({ altText: z.string().trim().max(1500).nullable().optional(), tags: z.array(tag).max(20).optional() })
  .strict()
  .refine((body) => body.altText !== undefined || body.tags !== undefined, 'give altText, tags or both');

const SERVED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/quicktime'];

/** The one route with a raw body (streamed by MediaService); every other body is JSON (see bootstrap.ts). */
export const MEDIA_UPLOAD_ROUTE: RawBodyRoute = { method: 'POST', path: /^\/workspaces\/[^/]+\/media\/?$/ };

@ApiTags('media')
@Controller()
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Post('workspaces/:workspace/media')
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({
    summary:
      'Upload an image (JPEG, PNG, GIF, WebP; its EXIF, XMP and IPTC are removed) or video (MP4, kept as is) as the raw request body; ?alt= sets its description',
  })
  @ApiConsumes('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiZodQuery(uploadQuerySchema)
  @ApiErrors(400, 413, 415)
  @ApiZodResponse(201, mediaView)
  upload(
    @Access() access: WorkspaceAccess,
    @Req() req: Request,
    @ZodQuery(uploadQuerySchema) query: z.infer<typeof uploadQuerySchema>,
  ) {
    // The raw body is read only now, after the guards: a stranger's upload is refused unread.
    return this.media.upload(access, req, query.alt ?? null);
  }

  @Get('workspaces/:workspace/media')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary: "The workspace's media library, newest first; q searches alt texts and tags, tag filters by one tag",
  })
  @ApiZodQuery(listQuerySchema)
  @ApiZodResponse(200, mediaListView)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listQuerySchema) query: z.infer<typeof listQuerySchema>) {
    return this.media.list(access, query);
  }

  @Patch('workspaces/:workspace/media/:mediaId')
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({ summary: 'Set or clear the alt text (description for screen readers) and replace the tags' })
  @ApiZodBody(detailsSchema)
  @ApiErrors(400, 404)
  @ApiZodResponse(200, mediaView)
  update(
    @Access() access: WorkspaceAccess,
    @Param('mediaId') mediaId: string,
    @ZodBody(detailsSchema) body: z.infer<typeof detailsSchema>,
  ) {
    return this.media.updateDetails(access, mediaId, body);
  }

  @Delete('workspaces/:workspace/media/:mediaId')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a media item and its copies; refused (409) while an approved post that may still publish uses it',
  })
  @ApiNoContent()
  @ApiErrors(404, 409)
  async remove(@Access() access: WorkspaceAccess, @Param('mediaId') mediaId: string) {
    await this.media.delete(access, mediaId);
  }

  /** Public by design: platforms fetch media by URL; the signature makes the URL unguessable. */
  @Get('media/:mediaId/:signature')
  @ApiOperation({
    summary: 'A medium at its signed URL (public: platforms fetch media by URL; the signature makes it unguessable)',
  })
  @ApiContentResponse(200, 'The image or video bytes', SERVED_TYPES, { type: 'string', format: 'binary' })
  @ApiErrors(404)
  serve(@Param('mediaId') mediaId: string, @Param('signature') signature: string, @Res() res: Response) {
    return this.send(res, mediaId, signature, null);
  }

  @Get('media/:mediaId/:variant/:signature')
  @ApiOperation({
    summary: "A medium's thumbnail, preview or platform rendition at its signed URL (public, like the original's)",
  })
  @ApiContentResponse(200, 'The image bytes', SERVED_TYPES, { type: 'string', format: 'binary' })
  @ApiErrors(404)
  serveVariant(
    @Param('mediaId') mediaId: string,
    @Param('variant') variant: string,
    @Param('signature') signature: string,
    @Res() res: Response,
  ) {
    if (!VARIANT_PATTERN.test(variant)) throw AppError.notFound(MEDIA_TEXT.media);
    return this.send(res, mediaId, signature, variant as MediaVariant);
  }

  private async send(res: Response, mediaId: string, signature: string, variant: MediaVariant) {
    const { mimeType, stream, expiresAt } = await this.media.publicBytes(mediaId, signature, variant);
    res.setHeader('content-type', mimeType);
    const previewSeconds = expiresAt ? Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) : null;
    // A preview is for one person's browser and only until its URL expires.
    res.setHeader(
      'cache-control',
      previewSeconds === null ? 'public, max-age=86400, immutable' : `private, max-age=${previewSeconds}`,
    );
    await pipeline(stream, res);
  }
}
