/** The characters feature's public entry: what other features use (they import nothing else of characters/). */
export { CharacterPicker } from './CharacterPicker.tsx';
export { CharacterUpload } from './CharacterUpload.tsx';
