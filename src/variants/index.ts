/** The variants feature's public entry: what other features use (they import nothing else of variants/). */
export { Inspector } from './Inspector.tsx';
