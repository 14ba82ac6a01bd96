export { MUTE_DAYS, muteKey, muteUntil } from './key.js';
export { MuteStore, type Mute, type MuteReader } from './store.js';
