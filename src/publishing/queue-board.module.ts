import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { type DynamicModule, Module } from '@nestjs/common';
import { operatorMiddleware } from '../core/http';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE } from '../core/queue';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

/** bull-board over the engine's queues, for operators only (Basic auth with OPERATOR_TOKEN). */
@Module({})
export class QueueBoardModule {
  static forOperators(operatorToken: string): DynamicModule {
    return {
      module: QueueBoardModule,
      imports: [
        BullBoardModule.forRoot({
          route: QUEUE_BOARD_ROUTE,
          adapter: ExpressAdapter,
          middleware: operatorMiddleware(operatorToken),
        }),
        BullBoardModule.forFeature(
          { name: PUBLISH_QUEUE, adapter: BullMQAdapter },
          { name: MAINTENANCE_QUEUE, adapter: BullMQAdapter },
        ),
      ],
    };
  }
}
