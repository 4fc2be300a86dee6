import 'reflect-metadata';
import { loadSettingsOrExit, runService } from '@app/platform';
import { REVIEWS_SETTINGS } from './common/reviews-settings';
import { ReviewsModule } from './reviews.module';

runService('reviews', (config) =>
  ReviewsModule.register(config, loadSettingsOrExit('reviews', REVIEWS_SETTINGS)),
);
