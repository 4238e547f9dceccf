import { Module } from '@nestjs/common';
import { ProjectorHandler } from './projector.handler';

@Module({ controllers: [ProjectorHandler] })
export class ProjectorModule {}
