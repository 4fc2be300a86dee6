import { Module } from '@nestjs/common';
import { CaseModule } from '../cases/case.module';
import { AuthorController } from './author.controller';
import { AuthorService } from './author.service';

@Module({
  imports: [CaseModule],
  controllers: [AuthorController],
  providers: [AuthorService],
})
export class AuthorModule {}
