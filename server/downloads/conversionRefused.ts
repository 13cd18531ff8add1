/** A conversion that cannot be made for this variant: the route turns it into a 422 naming the field. */
export class ConversionRefused extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ConversionRefused';
  }
}
