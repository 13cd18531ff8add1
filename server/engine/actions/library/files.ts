/** Every category file of the library, one line each (see index.ts). */
export { default as acrobatics } from './acrobatics.ts';
export { default as combat } from './combat.ts';
export { default as fitness } from './fitness.ts';
export { default as object } from './object.ts';
export { default as terrain } from './terrain.ts';
export { default as fall } from './fall.ts';
export { default as posture } from './posture.ts';
export { default as locomotion } from './locomotion.ts';
export { default as sports } from './sports.ts';
export { default as dance } from './dance.ts';
export { default as gestures } from './gestures.ts';
export { default as idles } from './idles.ts';
