import { isDuplicateKey } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Principal } from '@app/platform';
import { requireAgeVerified } from '../common/age';
import { PenNameAvailabilityView, PenNameView, toPenNameView } from './dto/pen-name.dto';
import { PenNameAlreadyChosenError, PenNameInvalidError, PenNameTakenError } from './pen-name.errors';
import { penNameCreated } from './pen-name.events';
import { penNameKey, penNameProblems } from './pen-name-rules';
import { PenNameRepository } from './pen-name.repository';
import { PenName } from './pen-name.schema';

/** How a review shows its author when there is no pen name to show. */
export const ANONYMOUS = 'Anonymous';

@Injectable()
export class PenNameService {
  constructor(private readonly penNames: PenNameRepository) {}

  async availability(name: string): Promise<PenNameAvailabilityView> {
    const problems: { code: string; message: string }[] = penNameProblems(name).map(({ code, message }) => ({
      code,
      message,
    }));
    if (problems.length === 0 && (await this.penNames.findByKey(penNameKey(name)))) {
      problems.push({ code: 'PEN_NAME_TAKEN', message: 'This name is already taken.' });
    }
    return { name, available: problems.length === 0, problems };
  }

  /** Creates the account's pen name; immutable afterwards (there is no route that changes it). */
  async create(principal: Principal, name: string): Promise<PenNameView> {
    requireAgeVerified(principal);
    const problems = penNameProblems(name);
    if (problems.length > 0) throw new PenNameInvalidError(problems);
    const slot = await this.nextSlot(principal.accountId);
    const now = new Date();
    const penName = {
      _id: uuidv7(),
      accountId: principal.accountId,
      name,
      nameKey: penNameKey(name),
      slot,
      status: 'active' as const,
      appliedActionIds: [],
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.penNames.insert(penName, [penNameCreated({ ...penName, version: 1 })]);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw await this.duplicateError(principal.accountId, name);
    }
    return toPenNameView({ ...penName, version: 1, outbox: [] });
  }

  async mine(principal: Principal): Promise<PenNameView[]> {
    return (await this.penNames.findByAccount(principal.accountId)).map(toPenNameView);
  }

  /** The name a review is posted under: the account's current, non-removed one. */
  async currentOf(accountId: string): Promise<PenName | undefined> {
    const [latest] = await this.penNames.findByAccount(accountId);
    return latest && latest.status !== 'removed' ? latest : undefined;
  }

  /** Display names by pen-name id: only active names show; held and removed ones read "Anonymous". */
  async displayNames(penNameIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(penNameIds)];
    if (unique.length === 0) return new Map();
    const names = await this.penNames.findByIds(unique);
    return new Map(names.filter((n) => n.status === 'active').map((n) => [n._id, n.name]));
  }

  /**
   * Slot 1 for an account's first name; slot 2 once, after its first name was removed by a
   * moderator ("the account may choose a new name once").
   */
  private async nextSlot(accountId: string): Promise<number> {
    const [latest] = await this.penNames.findByAccount(accountId);
    if (!latest) return 1;
    if (latest.status === 'removed' && latest.slot === 1) return 2;
    throw new PenNameAlreadyChosenError(latest._id);
  }

  private async duplicateError(accountId: string, name: string): Promise<Error> {
    const [latest] = await this.penNames.findByAccount(accountId);
    const taken = await this.penNames.findByKey(penNameKey(name));
    if (taken && taken.accountId !== accountId) return new PenNameTakenError(name);
    return latest ? new PenNameAlreadyChosenError(latest._id) : new PenNameTakenError(name);
  }
}
