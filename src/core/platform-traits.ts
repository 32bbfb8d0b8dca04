/**
 * What a platform can do for the people on it, declared by its adapter, so the core and features
 * decide by capability and never by a platform's name.
 */
export interface PlatformTraits {
  /**
   * The platform tells Attune nobody's time zone: a person it meets is asked to pick one (a welcome
   * carries a zone picker). False where the platform reports it, or where the default is the local one.
   */
  asksTimeZone: boolean;
  /**
   * A typed name is itself an address in the workspace (the shell): naming someone Attune has not met
   * makes them a person. Elsewhere someone new must be identified by the platform (a mention).
   */
  namesAreAddresses: boolean;
}

/** Assumed when an actor carries no traits: ask nothing, and only known people can be named. */
export const NO_TRAITS: PlatformTraits = { asksTimeZone: false, namesAreAddresses: false };
