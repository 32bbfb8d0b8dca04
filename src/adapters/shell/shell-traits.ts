import type { PlatformTraits } from '../../core/platform-traits.js';

/** In the shell a name is an address (`shell:<name>`), and everyone shares the machine's default zone. */
export const SHELL_TRAITS: PlatformTraits = { asksTimeZone: false, namesAreAddresses: true };
