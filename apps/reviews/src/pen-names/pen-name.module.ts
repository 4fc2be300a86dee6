import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PenNameController } from './pen-name.controller';
import { PenNameRepository } from './pen-name.repository';
import { PEN_NAME, PenNameSchema } from './pen-name.schema';
import { PenNameService } from './pen-name.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: PEN_NAME, schema: PenNameSchema }])],
  controllers: [PenNameController],
  providers: [PenNameRepository, PenNameService],
  exports: [PenNameRepository, PenNameService],
})
export class PenNameModule {}
