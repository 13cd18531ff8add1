/** The characters feature's public entry: all that other features and app/ may import from characters/. */
export { CharacterPicker } from './CharacterPicker.tsx';
export { CharacterUpload } from './CharacterUpload.tsx';
