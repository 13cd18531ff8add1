/** The composer feature's public entry: what other features use (they import nothing else of composer/). */
export { Composer } from './Composer.tsx';
export { ExamplePrompts } from './ExamplePrompts.tsx';
export { focusPrompt } from './examplePrompts.ts';
