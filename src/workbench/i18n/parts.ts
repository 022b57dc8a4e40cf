// Every part's own string table (see partMessages.ts). One line a part.
import type { PartMessages } from "./partMessages";
import { dataMessages } from "../parts/data/data.i18n";

export const partMessages: readonly PartMessages[] = [dataMessages];
