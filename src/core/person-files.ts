/**
 * Files made for one person outside the store (the shell's saved exports and charts). Erasing a person
 * removes them too, so the privacy feature reaches them through this port without knowing where they live.
 */
export interface PersonFiles {
  /** Saves a file for the person (readable by the owner only) and returns where it is. */
  save(personId: string, filename: string, data: Uint8Array): Promise<string>;
  /** Removes every file made for the person; none is not an error. */
  erase(personId: string): Promise<void>;
}
