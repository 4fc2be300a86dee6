import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AuthorController } from './author.controller';
import { AuthorService } from './author.service';

@Module({
  imports: [CasesModule],
  controllers: [AuthorController],
  providers: [AuthorService],
})
export class AuthorsModule {}
