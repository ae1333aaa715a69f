import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { PartnershipsService } from './partnerships.service';

@Module({
  imports: [PublishingModule],
  controllers: [CampaignsController],
  providers: [CampaignsService, PartnershipsService, CampaignsRepository],
  exports: [CampaignsService, CampaignsRepository],
})
export class CampaignsModule {}
