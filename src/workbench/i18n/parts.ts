// Every part's own string table (see partMessages.ts). One line a part.
import type { PartMessages } from "./partMessages";
import { simulationMessages } from "../parts/simulation/simulation.i18n";

export const partMessages: readonly PartMessages[] = [simulationMessages];
