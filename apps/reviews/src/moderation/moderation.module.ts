import { Module } from '@nestjs/common';
import { PenNameModule } from '../pen-names/pen-name.module';
import { ReviewModule } from '../reviews/review.module';
import { ModerationConsumer } from './moderation.consumer';
import { PenNameModerationService } from './pen-name-moderation.service';
import { ReviewModerationService } from './review-moderation.service';

@Module({
  imports: [ReviewModule, PenNameModule],
  controllers: [ModerationConsumer],
  providers: [ReviewModerationService, PenNameModerationService],
})
export class ModerationModule {}
