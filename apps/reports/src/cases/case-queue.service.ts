import { Inject, Injectable } from '@nestjs/common';
import { Page } from '@app/platform';
import { REPORTS_SETTINGS, ReportsSettings } from '../common/reports-settings';
import {
  BucketGroup,
  bucketGroups,
  decodeQueueCursor,
  encodeQueueCursor,
  QueueCursor,
  queueFilterKey,
} from './case-queue';
import { CaseRepository, QueuedCase } from './case.repository';
import type { QueueState } from './case.schema';
import { QueueQuery, QueueItemView, toQueueItem } from './dto/case.dto';

/** Buckets one page may read before it answers with what it has and a cursor to go on. */
const MAX_BUCKET_GROUPS = 64;
const MAX_PARALLEL_BUCKETS = 4;
/** A registered bucket found empty is forgotten once no writer has touched it for this long. */
const EMPTY_BUCKET_AGE_MS = 10 * 60_000;

@Injectable()
export class CaseQueueService {
  constructor(
    private readonly cases: CaseRepository,
    @Inject(REPORTS_SETTINGS.token) private readonly settings: ReportsSettings,
  ) {}

  async page(query: QueueQuery): Promise<Page<QueueItemView>> {
    const from = decodeQueueCursor(query.cursor);
    const states: QueueState[] = query.state ? [query.state] : ['open', 'appealed'];
    const filters = {
      ...(query.targetType ? { targetType: query.targetType } : {}),
      ...(query.reason ? { reasonCode: query.reason } : {}),
    };
    const filterKey = queueFilterKey(filters);
    const groups = bucketGroups(await this.cases.listPriorities(states, filterKey), from);
    const items: QueuedCase[] = [];
    // Buckets are read in queue order, one, then two, then up to four at a time: a dense bucket
    // wastes no read, a sparse walk takes fewer rounds, and a busy store is not flooded.
    let window = 1;
    for (
      let start = 0;
      start < groups.length && items.length <= query.limit;
      start += window, window = Math.min(window * 2, MAX_PARALLEL_BUCKETS)
    ) {
      if (start >= MAX_BUCKET_GROUPS) {
        const group = groups[start];
        return this.answer(items, {
          p: group.priority,
          b: group.queueBlock,
          s: afterSeqIn(group, from) ?? -1,
        });
      }
      const need = query.limit + 1 - items.length;
      const read = await Promise.all(
        groups
          .slice(start, start + window)
          .map((group) => this.readGroup({ group, from, filters, filterKey, need })),
      );
      for (const rows of read) items.push(...rows.slice(0, Math.max(0, query.limit + 1 - items.length)));
    }
    const more = items.length > query.limit;
    const page = items.slice(0, query.limit);
    const last = page.at(-1);
    const next = more && last ? { p: last.priority ?? 0, b: last.queueBlock ?? 0, s: last.seq } : undefined;
    return this.answer(page, next);
  }

  /** One (priority, block) across the page's states, oldest first; forgets buckets found empty. */
  private async readGroup(input: {
    group: BucketGroup;
    from: QueueCursor | undefined;
    filters: { targetType?: string; reasonCode?: string };
    filterKey: string;
    need: number;
  }): Promise<QueuedCase[]> {
    const { group } = input;
    const afterSeq = afterSeqIn(group, input.from);
    const rows = await Promise.all(
      group.states.map(async (queueState) => {
        const position = { queueState, priority: group.priority, queueBlock: group.queueBlock };
        const found = await this.cases.listBucket({
          position,
          filters: input.filters,
          afterSeq,
          limit: input.need,
        });
        if (found.length === 0 && afterSeq === undefined) {
          const staleBefore = new Date(Date.now() - EMPTY_BUCKET_AGE_MS);
          await this.cases.dropBucketIfStale(position, input.filterKey, staleBefore);
        }
        return found;
      }),
    );
    return rows
      .flat()
      .sort((a, b) => a.seq - b.seq)
      .slice(0, input.need);
  }

  private answer(items: QueuedCase[], next: QueueCursor | undefined): Page<QueueItemView> {
    const now = Date.now();
    return {
      items: items.map((c) => toQueueItem(c, now, this.settings.actionAnswerTimeoutSeconds)),
      ...(next ? { nextCursor: encodeQueueCursor(next) } : {}),
    };
  }
}

/** The cursor's position within `group`, when the page resumes inside it. */
function afterSeqIn(group: BucketGroup, from: QueueCursor | undefined): number | undefined {
  return from && from.p === group.priority && from.b === group.queueBlock ? from.s : undefined;
}
