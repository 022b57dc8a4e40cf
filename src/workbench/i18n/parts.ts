// Every part's own string table (see partMessages.ts). One line a part.
import type { PartMessages } from "./partMessages";

export const partMessages: readonly PartMessages[] = [];
