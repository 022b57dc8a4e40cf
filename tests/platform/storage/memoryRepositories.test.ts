import { createMemoryRepositories } from "../../../src/platform";
import { repositoryContract } from "./repositoryContract";

repositoryContract("in-memory", createMemoryRepositories);
