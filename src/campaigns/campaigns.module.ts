import { Module } from '@nestjs/common';
import { PublishingModule } from '../publishing';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';

@Module({ imports: [PublishingModule], controllers: [CampaignsController], providers: [CampaignsService, CampaignsRepository], exports: [CampaignsService, CampaignsRepository] })
export class CampaignsModule {}
