import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE } from '../core/queue';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

/** bull-board over the engine's queues (enabled by BULL_BOARD_ENABLED). Access control belongs to the admin guard. */
@Module({
  imports: [
    BullBoardModule.forRoot({ route: QUEUE_BOARD_ROUTE, adapter: ExpressAdapter }),
    BullBoardModule.forFeature({ name: PUBLISH_QUEUE, adapter: BullMQAdapter }, { name: MAINTENANCE_QUEUE, adapter: BullMQAdapter }),
  ],
})
export class QueueBoardModule {}
