/** Why a character cannot be animated by the local engine; runActionJob turns it into a ProviderError. */
export class RetargetError extends Error {
  constructor(
    readonly code: 'not_humanoid' | 'unreadable_character',
    message: string,
  ) {
    super(message);
    this.name = 'RetargetError';
  }
}
