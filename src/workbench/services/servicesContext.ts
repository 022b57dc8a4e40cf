import { createContext, useContext } from "react";
import type { WorkbenchServices } from "./services";

/** The workbench services, provided once by the composition root. */
export const ServicesContext = createContext<WorkbenchServices | null>(null);

export function useServices(): WorkbenchServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices must be used inside <ServicesContext.Provider>");
  return services;
}
