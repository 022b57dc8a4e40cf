// The one place that imports Monaco itself. Only the editor features a JSON editor needs are
// bundled, and of the languages only JSON: Monaco's full entry point adds ~80 languages, the
// TypeScript, CSS and HTML services and features such as inline completions, which would triple the
// chunk. Everything here lands in the lazy Monaco chunk.
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/diffEditor/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/codeAction/register";
import "monaco-editor/features/codelens/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/folding/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/gotoLine/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/readOnlyMessage/register";
import "monaco-editor/features/smartSelect/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/stickyScroll/register";
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
// `features/suggest/register` brings the suggest widget only through inline completions (about a
// third of the editor's code); the controller alone is what completion needs.
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/languages/features/json/register";

export * as monaco from "monaco-editor/editor";
export { jsonDefaults } from "monaco-editor/languages/features/json/register";
