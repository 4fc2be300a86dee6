import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TargetRepository } from './target.repository';
import { TARGET_PROJECTION, TargetProjectionSchema } from './target.schema';
import { TargetService } from './target.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: TARGET_PROJECTION, schema: TargetProjectionSchema }])],
  providers: [TargetRepository, TargetService],
  exports: [TargetRepository, TargetService],
})
export class TargetModule {}
