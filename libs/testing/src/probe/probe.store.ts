import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, Model, Schema } from 'mongoose';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
  OutboxRelay,
} from '@app/platform';

/**
 * Collections of the messaging probe: an event-producing aggregate (`probe_items`) and what the
 * consumer side records (`probe_projection` by version guard, `probe_effects` by applied-event
 * marker, `probe_arrivals` as a log of every delivery, `probe_settings` for the poison switch).
 */
export interface ProbeItem extends OutboxFields {
  _id: string;
  quantity: number;
  sku: string;
}

@Injectable()
export class ProbeStore implements OnModuleInit {
  readonly items: Model<ProbeItem>;
  readonly projection: Model<any>;
  readonly effects: Model<any>;
  readonly arrivals: Model<any>;
  readonly settings: Model<any>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly relay: OutboxRelay,
  ) {
    const loose = (collection: string) =>
      connection.model(
        collection,
        new Schema({ _id: String }, { strict: false, versionKey: false }),
        collection,
      );
    const itemSchema = new Schema<ProbeItem>(
      { _id: String, quantity: Number, sku: String, ...OUTBOX_SCHEMA_FIELDS },
      { versionKey: false },
    );
    itemSchema.index(OUTBOX_SWEEP_INDEX, OUTBOX_SWEEP_INDEX_OPTIONS);
    this.items = connection.model<ProbeItem>('probe_items', itemSchema, 'probe_items');
    this.projection = loose('probe_projection');
    this.effects = loose('probe_effects');
    this.arrivals = loose('probe_arrivals');
    this.settings = loose('probe_settings');
  }

  async onModuleInit(): Promise<void> {
    await this.items.createIndexes();
    this.relay.register(this.items);
  }
}
