import { Injectable } from '@nestjs/common';

export type MaintenanceHandler = () => Promise<unknown>;

/**
 * Jobs of other feature modules on the maintenance queue. BullMQ gives one queue one processor,
 * so a module registers its job name here (in onModuleInit) and MaintenanceProcessor dispatches.
 */
@Injectable()
export class MaintenanceTasks {
  private readonly handlers = new Map<string, MaintenanceHandler>();

  register(jobName: string, handler: MaintenanceHandler): void {
    this.handlers.set(jobName, handler);
  }

  handler(jobName: string): MaintenanceHandler | undefined {
    return this.handlers.get(jobName);
  }
}
