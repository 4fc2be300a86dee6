import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { AnyEventEnvelope } from '@app/contracts';
import {
  AggregateChange,
  insertAggregate,
  OutboundMessage,
  OutboxRelay,
  updateAggregate,
} from '@app/platform';
import { PEN_NAME, PenName } from './pen-name.schema';

type NewPenName = Omit<PenName, 'version' | 'outbox' | 'outboxPendingSince'>;

@Injectable()
export class PenNameRepository implements OnModuleInit {
  constructor(
    @InjectModel(PEN_NAME) private readonly penNames: Model<PenName>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.penNames.createIndexes();
    this.relay.register(this.penNames);
  }

  findByKey(nameKey: string): Promise<PenName | null> {
    return this.penNames.findOne({ nameKey }).lean<PenName>().exec();
  }

  findById(penNameId: string): Promise<PenName | null> {
    return this.penNames.findById(penNameId).lean<PenName>().exec();
  }

  findByIds(penNameIds: readonly string[]): Promise<PenName[]> {
    return this.penNames
      .find({ _id: { $in: penNameIds } })
      .lean<PenName[]>()
      .exec();
  }

  /** The account's names, newest slot first. */
  async findByAccount(accountId: string): Promise<PenName[]> {
    const names = await this.penNames.find({ accountId }).lean<PenName[]>().exec();
    return names.sort((a, b) => b.slot - a.slot);
  }

  /** Throws E11000 when the name or the account's slot is taken (the caller tells which). */
  async insert(penName: NewPenName, events: AnyEventEnvelope[]): Promise<void> {
    const messages = await insertAggregate(this.penNames, penName, events);
    this.relay.afterWrite(this.penNames, penName._id, messages);
  }

  /** Optimistic update scoped to the account; undefined when another writer got there first. */
  async update(accountId: string, change: AggregateChange<PenName>): Promise<OutboundMessage[] | undefined> {
    const messages = await updateAggregate(this.penNames, { ...change, scope: { accountId } });
    if (messages) this.relay.afterWrite(this.penNames, change.id, messages);
    return messages;
  }
}
