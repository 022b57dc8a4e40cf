export { Workbench } from "./Workbench";
export { PreferencesContext } from "./preferencesContext";
export { initialPreferences } from "./initialPreferences";
