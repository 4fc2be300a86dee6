import { describeServiceBasics } from '@app/testing';
import { ReviewsModule } from '../src/reviews.module';

describeServiceBasics('reviews', (config) => ReviewsModule.register(config));
