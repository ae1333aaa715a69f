import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiContentResponse, ApiErrors } from '../../core/http';
import { FeedService } from './feed.service';

/**
 * Public Atom feeds of FEED accounts: GET /feeds/:workspaceSlug/:accountId.atom. A feed is public
 * like any blog feed; when the account's settings hold a `feedToken`, the feed answers only with
 * ?token=<that token> (a private feed for partners).
 */
@ApiTags('feeds')
@Controller('feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Get(':workspaceSlug/:file')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @Header('cache-control', 'public, max-age=60')
  @ApiOperation({
    summary:
      'Atom feed of a FEED account, /feeds/<workspace slug>/<account id>.atom (public like any blog feed; a private feed needs ?token=)',
  })
  @ApiQuery({
    name: 'token',
    required: false,
    description: "The feed's token, for a private feed",
    schema: { type: 'string' },
  })
  @ApiContentResponse(200, 'Atom 1.0 feed of the published posts', ['application/atom+xml'])
  @ApiErrors(404)
  atom(
    @Param('workspaceSlug') workspaceSlug: string,
    @Param('file') file: string,
    @Query('token') token?: string,
  ): Promise<string> {
    return this.feeds.atom(workspaceSlug, file, typeof token === 'string' ? token : undefined);
  }
}
