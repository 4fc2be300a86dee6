import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ModerationTargetType } from '@app/contracts';
import { applyIfNewer, HandlerOutcome } from '@app/platform';
import { TARGET_PROJECTION, TargetProjection, targetKey } from './target.schema';

export interface TargetSnapshot {
  readonly type: ModerationTargetType;
  readonly id: string;
  readonly status: string;
  readonly authorKey: string | null;
  readonly version: number;
}

@Injectable()
export class TargetRepository implements OnModuleInit {
  constructor(@InjectModel(TARGET_PROJECTION) private readonly targets: Model<TargetProjection>) {}

  async onModuleInit(): Promise<void> {
    await this.targets.createIndexes();
  }

  /** Full-state events: the version guard makes replays and out-of-order deliveries no-ops. */
  project(target: TargetSnapshot): Promise<Extract<HandlerOutcome, 'applied' | 'skipped-stale'>> {
    return applyIfNewer(this.targets, {
      id: targetKey(target.type, target.id),
      version: target.version,
      set: { type: target.type, targetId: target.id, status: target.status, authorKey: target.authorKey },
    });
  }

  find(type: ModerationTargetType, id: string): Promise<TargetProjection | null> {
    return this.targets.findById(targetKey(type, id)).lean<TargetProjection>().exec();
  }
}
