import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ZodValidationPipe } from '../core/errors';
import { ApiErrors, ApiZodQuery, openApiSchema, zUuid, ZodQuery } from '../core/http';
import {
  bestTimeResponseSchema,
  postSeriesResponseSchema,
  type ReportQuery,
  reportQuerySchema,
  reportResponseSchema,
  seriesResponseSchema,
  snapshotQueuedSchema,
} from './analytics.schemas';
import { ReportsService } from './reports.service';

/** A malformed id gets the same clear 400 (id and en) as every other validated input. */
const UUID = new ZodValidationPipe(zUuid);
const REPORT = { schema: openApiSchema(reportResponseSchema) };

/** Reach and engagement, read-only for every member (VIEWER and up); see docs/analytics.md. */
@ApiTags('analytics')
@Controller('workspaces/:workspace/analytics')
export class AnalyticsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('campaigns/:campaignId')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary: "A campaign's report over a period (default: the campaign's dates), compared with the period just before",
  })
  @ApiZodQuery(reportQuerySchema)
  @ApiOkResponse(REPORT)
  @ApiErrors(400, 404)
  campaign(
    @Access() access: WorkspaceAccess,
    @Param('campaignId', UUID) id: string,
    @ZodQuery(reportQuerySchema) query: ReportQuery,
  ) {
    return this.reports.report(access, 'campaign', id, query);
  }

  @Get('campaigns/:campaignId/rows.csv')
  @WorkspaceRoute(Role.VIEWER)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="gaung-campaign-report.csv"')
  @ApiOperation({ summary: "The rows (one published delivery each) behind every figure of the campaign's report" })
  @ApiZodQuery(reportQuerySchema)
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 404)
  campaignCsv(
    @Access() access: WorkspaceAccess,
    @Param('campaignId', UUID) id: string,
    @ZodQuery(reportQuerySchema) query: ReportQuery,
  ) {
    return this.reports.csv(access, 'campaign', id, query);
  }

  @Get('accounts/:accountId')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary: "An account's report over a period (default: the last 30 days), compared with the period just before",
  })
  @ApiZodQuery(reportQuerySchema)
  @ApiOkResponse(REPORT)
  @ApiErrors(400, 404)
  account(
    @Access() access: WorkspaceAccess,
    @Param('accountId', UUID) id: string,
    @ZodQuery(reportQuerySchema) query: ReportQuery,
  ) {
    return this.reports.report(access, 'account', id, query);
  }

  @Get('accounts/:accountId/rows.csv')
  @WorkspaceRoute(Role.VIEWER)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="gaung-account-report.csv"')
  @ApiOperation({ summary: "The rows (one published delivery each) behind every figure of the account's report" })
  @ApiZodQuery(reportQuerySchema)
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiErrors(400, 404)
  accountCsv(
    @Access() access: WorkspaceAccess,
    @Param('accountId', UUID) id: string,
    @ZodQuery(reportQuerySchema) query: ReportQuery,
  ) {
    return this.reports.csv(access, 'account', id, query);
  }

  @Get('accounts/:accountId/best-time')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary:
      "Best time to post from the account's own last 180 days, in words, with suggested posting slots (PATCH them to the account)",
  })
  @ApiOkResponse({ schema: openApiSchema(bestTimeResponseSchema) })
  @ApiErrors(404)
  bestTime(@Access() access: WorkspaceAccess, @Param('accountId', UUID) id: string) {
    return this.reports.bestTime(access, id);
  }

  @Get('posts/:postId')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary:
      "A post's counts over time, per delivery (+1 h, +24 h, +7 d and on demand); not available and deleted as states, never 0",
  })
  @ApiOkResponse({ schema: openApiSchema(postSeriesResponseSchema) })
  @ApiErrors(404)
  postSeries(@Access() access: WorkspaceAccess, @Param('postId', UUID) id: string) {
    return this.reports.postSeries(access, id);
  }

  @Get('deliveries/:targetId')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: "A published delivery's counts over time (+1 h, +24 h, +7 d and on demand)" })
  @ApiOkResponse({ schema: openApiSchema(seriesResponseSchema) })
  @ApiErrors(404)
  series(@Access() access: WorkspaceAccess, @Param('targetId', UUID) id: string) {
    return this.reports.series(access, id);
  }

  @Post('deliveries/:targetId/snapshots')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: "Read the counts of a published delivery now (at most once a minute, within the platform's budget)",
  })
  @ApiErrors(404, 409)
  @ApiResponse({
    status: 202,
    description: "Accepted: the snapshot is queued; read it from the delivery's series",
    schema: openApiSchema(snapshotQueuedSchema),
  })
  async snapshotNow(@Access() access: WorkspaceAccess, @Param('targetId', UUID) id: string): Promise<{ queued: true }> {
    await this.reports.snapshotNow(access, id);
    return { queued: true };
  }
}
