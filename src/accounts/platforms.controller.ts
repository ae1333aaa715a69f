import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/decorators';
import { ApiZodResponse } from '../core/http';
import { connectMethodViews } from '../publishers';
import { connectMethodListView } from './account-view';

/** How each platform is connected, read from the platforms' folders: the web's connect form draws from it. */
@ApiTags('accounts')
@Controller('platforms')
export class PlatformsController {
  @Get()
  @SignedIn()
  @ApiOperation({
    summary:
      "Every platform and how its accounts are connected: the credential form's fields (in order) and the OAuth flow",
  })
  @ApiZodResponse(200, connectMethodListView)
  list() {
    return { platforms: connectMethodViews() };
  }
}
