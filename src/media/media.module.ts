import { Module } from '@nestjs/common';
import { MediaController } from './media.controller';
import { MediaStore } from './media-store';
import { MediaService } from './media.service';

@Module({ controllers: [MediaController], providers: [MediaService, MediaStore], exports: [MediaService] })
export class MediaModule {}
