/** The composer feature's public entry: all that other features and app/ may import from composer/. */
export { Composer } from './Composer.tsx';
export { ExamplePrompts } from './ExamplePrompts.tsx';
export { focusPrompt } from './examplePrompts.ts';
