import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesRepository } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

@Module({
  imports: [PublishingModule],
  controllers: [WorkspacesController, InvitationsController],
  providers: [WorkspacesService, InvitationsService, WorkspacesRepository],
  exports: [WorkspacesService],
})
export class WorkspacesModule {}
