import { Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import {
  ApiContentResponse,
  ApiErrors,
  ApiNoContent,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  ZodBody,
  ZodQuery,
} from '../core/http';
import { calendarQuerySchema, keyDateSchema, keyDatesQuerySchema } from './calendar.schemas';
import { CalendarService } from './calendar.service';
import { calendarFeedView, calendarView, keyDateListView, keyDateView } from './calendar-views';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('workspaces/:workspace/calendar')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary:
      "Posts in [from, to) or a day/week/month view, shown in any zone (default: the workspace zone), with holidays, key dates and holds; partners' posts in joint campaigns are read-only",
  })
  @ApiZodQuery(calendarQuerySchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, calendarView)
  view(@Access() access: WorkspaceAccess, @ZodQuery(calendarQuerySchema) query: z.infer<typeof calendarQuerySchema>) {
    return this.calendar.view(access, query);
  }

  @Get('workspaces/:workspace/key-dates')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Key dates (strikes, rallies, anniversaries) in [from, to)' })
  @ApiZodQuery(keyDatesQuerySchema)
  @ApiErrors(400)
  @ApiZodResponse(200, keyDateListView)
  keyDates(
    @Access() access: WorkspaceAccess,
    @ZodQuery(keyDatesQuerySchema) query: z.infer<typeof keyDatesQuerySchema>,
  ) {
    return this.calendar.keyDates(access, query.from, query.to);
  }

  @Post('workspaces/:workspace/key-dates')
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({ summary: 'Add a key date' })
  @ApiZodBody(keyDateSchema)
  @ApiErrors(400)
  @ApiZodResponse(201, keyDateView)
  addKeyDate(@Access() access: WorkspaceAccess, @ZodBody(keyDateSchema) body: z.infer<typeof keyDateSchema>) {
    return this.calendar.addKeyDate(access, body);
  }

  @Delete('workspaces/:workspace/key-dates/:keyDateId')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a key date' })
  @ApiNoContent()
  async deleteKeyDate(@Access() access: WorkspaceAccess, @Param('keyDateId') keyDateId: string) {
    await this.calendar.deleteKeyDate(access, keyDateId);
  }

  @Post('workspaces/:workspace/calendar-feed')
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @ApiOperation({ summary: 'A new secret iCal subscription URL for me (shown once; the previous one stops working)' })
  @ApiZodResponse(201, calendarFeedView)
  regenerateFeed(@Access() access: WorkspaceAccess) {
    return this.calendar.regenerateFeed(access);
  }

  @Delete('workspaces/:workspace/calendar-feed')
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stop my iCal subscription URL' })
  @ApiNoContent()
  async revokeFeed(@Access() access: WorkspaceAccess) {
    await this.calendar.revokeFeeds(access);
  }

  /** Public by design (calendar apps cannot sign in): the secret in the URL is the credential. */
  @Get('ical/:file')
  @ApiOperation({
    summary:
      'My iCal subscription, /ical/<secret>.ics (public: calendar apps cannot sign in; the secret in the URL is the credential)',
  })
  @ApiContentResponse(
    200,
    "iCalendar of the posts over the whole span of the workspace's campaigns (and at least from 60 days ago to 100 days ahead), each with its state",
    ['text/calendar'],
  )
  @ApiErrors(404)
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  ical(@Param('file') file: string) {
    return this.calendar.icalFor(file.replace(/\.ics$/, ''));
  }
}
