// Entry of the lazy Monaco chunk: everything that touches Monaco starts here (see ../load.ts).
import type { Locale } from "../../../base";
import type { MonacoPlatform } from "../api";
import { createJsonBlockEditor } from "./blockEditor";
import { createCodeEditor, createDiffEditor } from "./editors";
import { installWorkers } from "./environment";
import { ModelRegistry } from "./models";
import { monaco } from "./monaco";
import { LanguageProviders } from "./providers";
import { registerSchemas } from "./schemas";
import { defineThemes, monacoTheme } from "./themes";
import "./overrides.css";

/**
 * Sets Monaco up once for the page (workers, themes, schemas, the language providers) and returns
 * the workbench's handle on it. The providers live as long as the page: they serve every model.
 */
export function createMonacoPlatform(uiLocale: Locale): MonacoPlatform {
  installWorkers();
  defineThemes();
  registerSchemas();
  const models = new ModelRegistry();
  const providers = new LanguageProviders(models);
  return {
    uiLocale,
    getOrCreateModel: (uri, text) => models.getOrCreate(uri, text),
    getModel: (uri) => models.get(uri),
    bindLanguage: (model, binding) => {
      const handle = models.get(model.uri) ?? models.getOrCreate(model.uri, model.getText());
      return providers.bind(handle.model, binding);
    },
    createCodeEditor: (container, options) => createCodeEditor(container, options, models),
    createDiffEditor: (container, options) => createDiffEditor(container, options),
    createJsonBlockEditor: (container, options) => createJsonBlockEditor(container, options),
    setTheme: (theme) => monaco.editor.setTheme(monacoTheme(theme)),
    setCommandRunner: (run) => providers.setRunner(run),
  };
}
