import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

@Module({ imports: [PublishingModule], controllers: [WorkspacesController], providers: [WorkspacesService, WorkspacesRepository], exports: [WorkspacesService] })
export class WorkspacesModule {}
