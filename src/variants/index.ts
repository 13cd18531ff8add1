/** The variants feature's public entry: all that other features and app/ may import from variants/. */
export { Inspector } from './Inspector.tsx';
