import { DomainError } from '@app/platform';
import { PenNameProblem } from './pen-name-rules';

export class PenNameTakenError extends DomainError {
  constructor(name: string) {
    super('conflict', 'PEN_NAME_TAKEN', `The pen name "${name}" is already taken.`);
  }
}

export class PenNameAlreadyChosenError extends DomainError {
  constructor(penNameId: string) {
    super(
      'conflict',
      'PEN_NAME_ALREADY_CHOSEN',
      'This account already has a pen name; pen names cannot be changed.',
      {
        details: { penNameId },
      },
    );
  }
}

export class PenNameInvalidError extends DomainError {
  constructor(problems: PenNameProblem[]) {
    super('unprocessable', 'PEN_NAME_INVALID', problems.map((p) => p.message).join(' '), {
      details: problems,
    });
  }
}
