import type { RestoreChoice, RestoreChoices, RestorePlan } from "../../../platform";
import type { WorkbenchServices } from "../../services";

/** A restore waiting for the user's choice per conflict. */
export interface ConflictRequest {
  file: string;
  /** When the backup was made (ISO). */
  date: string;
  plan: RestorePlan;
  choices: RestoreChoices;
}

type Listener = () => void;

/**
 * The one pending conflict question of a workbench: the Restore command asks and waits, the dialog
 * (mounted with the status items) shows it and answers. Choices start at "Keep mine", so nothing
 * stored is replaced unless the user says so.
 */
export class RestoreConflictQuestion {
  private request: ConflictRequest | undefined;
  private answer: ((choices: RestoreChoices | undefined) => void) | undefined;
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): ConflictRequest | undefined => this.request;

  /** Shows the conflicts; resolves with the choices, or undefined when the user cancels. */
  ask(file: string, date: string, plan: RestorePlan): Promise<RestoreChoices | undefined> {
    this.answer?.(undefined);
    const choices: Record<string, RestoreChoice> = {};
    for (const conflict of plan.conflicts) if (!conflict.immutable) choices[conflict.key] = "mine";
    this.set({ file, date, plan, choices });
    return new Promise((resolve) => {
      this.answer = resolve;
    });
  }

  choose(key: string, choice: RestoreChoice): void {
    if (!this.request || !(key in this.request.choices)) return;
    this.set({ ...this.request, choices: { ...this.request.choices, [key]: choice } });
  }

  chooseAll(choice: RestoreChoice): void {
    if (!this.request) return;
    const choices = Object.fromEntries(Object.keys(this.request.choices).map((key) => [key, choice]));
    this.set({ ...this.request, choices });
  }

  confirm(): void {
    this.finish(this.request?.choices);
  }

  cancel(): void {
    this.finish(undefined);
  }

  private finish(choices: RestoreChoices | undefined): void {
    const answer = this.answer;
    this.answer = undefined;
    this.set(undefined);
    answer?.(choices);
  }

  private set(request: ConflictRequest | undefined): void {
    this.request = request;
    for (const listener of this.listeners) listener();
  }
}

const questions = new WeakMap<WorkbenchServices, RestoreConflictQuestion>();

/** The conflict question of these services (one per workbench). */
export function conflictQuestionFor(services: WorkbenchServices): RestoreConflictQuestion {
  let question = questions.get(services);
  if (!question) {
    question = new RestoreConflictQuestion();
    questions.set(services, question);
  }
  return question;
}
