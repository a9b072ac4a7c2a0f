/** Why training was refused; each reason comes with a message an operator can act on. */
export type TrainingRefusalReason = 'TOO_LITTLE_DATA' | 'ONE_CLASS' | 'NO_FEATURES';

export class TrainingRefusedError extends Error {
  readonly reason: TrainingRefusalReason;
  readonly details: Readonly<Record<string, number | string>>;

  constructor(reason: TrainingRefusalReason, message: string, details: Record<string, number | string> = {}) {
    super(message);
    this.name = 'TrainingRefusedError';
    this.reason = reason;
    this.details = details;
  }
}

export function isTrainingRefusedError(error: unknown): error is TrainingRefusedError {
  return error instanceof TrainingRefusedError;
}
