import { Controller, Get, Module, Redirect, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { AppConfig } from '../core/config';

/** Vite names every built asset after its content hash: a changed file is a new URL. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+-[\w-]{8,}\.\w+$/;

/** index.html is revalidated on every visit (it names the current assets); hashed assets never change. */
function webCacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

@ApiExcludeController()
@Controller()
class WebEntryController {
  /** The web desk is the front door for people; the API keeps its own paths. */
  @Get()
  @Redirect('/app/', 302)
  enter(): void {}
}

/**
 * Serves the built web app (web/) at /app. Any path under /app that is not a file answers
 * index.html so that deep links (/app/kspi/calendar?view=week) open the app, which routes them;
 * a missing /app/assets/... file stays a 404 instead of HTML in place of a script.
 */
@Module({})
export class WebAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebAppModule,
      controllers: [WebEntryController],
      imports: [
        ServeStaticModule.forRoot({
          rootPath: resolve(config.WEB_DIST_DIR),
          serveRoot: '/app',
          exclude: ['/app/assets/{*path}'],
          serveStaticOptions: { index: false, fallthrough: true, setHeaders: webCacheHeaders },
        }),
      ],
    };
  }
}
