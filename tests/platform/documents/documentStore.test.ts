import "fake-indexeddb/auto";
import {
  createIndexedDbRepositories,
  createMemoryRepositories,
  type WorkspaceRepositories,
} from "../../../src/platform";
import { documentStoreContract } from "./documentStoreContract";

let counter = 0;

documentStoreContract("IndexedDB", () => {
  const name = `crw-documents-${++counter}`;
  return { tab: () => createIndexedDbRepositories(name) };
});

documentStoreContract("in-memory", () => {
  // Tabs of one in-memory profile share one set of repositories (closing one must not clear it).
  const shared = createMemoryRepositories();
  const tab = (): WorkspaceRepositories => ({ ...shared, close: () => Promise.resolve() });
  return { tab };
});
