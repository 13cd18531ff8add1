/** Exhaustiveness guard for switches over unions: a new member becomes a type error here. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
