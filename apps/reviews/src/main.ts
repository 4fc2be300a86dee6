import 'reflect-metadata';
import { runService } from '@app/platform';
import { ReviewsModule } from './reviews.module';

runService('reviews', (config) => ReviewsModule.register(config));
