import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FeedService } from './feed.service';

/**
 * Public Atom feeds of FEED accounts: GET /feeds/:workspaceSlug/:accountId.atom. A feed is public
 * like any blog feed; when the account's settings hold a `feedToken`, the feed answers only with
 * ?token=<that token> (a private feed for partners).
 */
@ApiExcludeController()
@Controller('feeds')
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Get(':workspaceSlug/:file')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @Header('cache-control', 'public, max-age=60')
  atom(@Param('workspaceSlug') workspaceSlug: string, @Param('file') file: string, @Query('token') token?: string): Promise<string> {
    return this.feeds.atom(workspaceSlug, file, typeof token === 'string' ? token : undefined);
  }
}
