export { Workbench } from "./Workbench";
export { PreferencesContext } from "./preferencesContext";
export { WorkspaceContext } from "./workspaceContext";
export { initialPreferences } from "./initialPreferences";
