import { closureCompile } from "./closure";
import { generate, helperNames } from "./codegen";
import { checkLogic, defaultLimits, type LogicLimits } from "./limits";
import { allOp, filterOp, mapOp, missingOp, missingSomeOp, noneOp, reduceOp, someOp } from "./scopes";
import * as v from "./values";

/** How {@link compile} should build the evaluator. */
export interface CompileOptions {
  /**
   * `true` (default) generates JavaScript with `new Function`, falling back to closures when the host
   * forbids it (a Content-Security-Policy without `unsafe-eval`); `false` always builds closures.
   */
  codegen?: boolean;
  limits?: LogicLimits;
}

/** A compiled rule: call it with a record's evaluation context. */
export interface CompiledLogic {
  (data: unknown): unknown;
  /** Which strategy was used, so callers and tests can tell a fallback happened. */
  readonly mode: "codegen" | "closure";
}

const helpers: Record<(typeof helperNames)[number], unknown> = {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- generated code calls it as hop.call(x, key)
  hop: Object.prototype.hasOwnProperty,
  T: v.truthy,
  A: v.addend,
  F: v.factor,
  L: v.lookup,
  LT: v.lessThan,
  LE: v.lessOrEqual,
  MI: v.minus,
  TI: v.times,
  IN: v.isIn,
  CP: v.catPart,
  SUB: v.substr,
  MRG: v.merge,
  LOG: v.log,
  MS: missingOp,
  MSS: missingSomeOp,
  MAP: mapOp,
  FIL: filterOp,
  RED: reduceOp,
  ALL: allOp,
  SOME: someOp,
  NONE: noneOp,
  // A fresh object: no value a rule computes can be identical to it, so it marks "not yet computed".
  U: Object.freeze({}),
  K: undefined,
};

/**
 * Compiles logic into a function returning exactly what {@link applyReference} returns for every
 * input (the differential tests in tests/engine/jsonlogic prove it). The allow-list and limits are
 * checked once, here.
 * @throws LogicError when the logic is refused.
 */
export function compile(logic: unknown, options: CompileOptions = {}): CompiledLogic {
  checkLogic(logic, options.limits ?? defaultLimits);
  if (options.codegen !== false) {
    const generated = generate(logic);
    let factory: ((...args: unknown[]) => (data: unknown) => unknown) | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the codegen path; see codegen.ts on escaping
      factory = new Function(...helperNames, generated.source) as typeof factory;
    } catch {
      // A CSP without 'unsafe-eval' makes `new Function` throw; closures need no eval.
      factory = undefined;
    }
    if (factory) {
      const values = helperNames.map((name) => (name === "K" ? generated.constants : helpers[name]));
      return Object.assign(factory(...values), { mode: "codegen" as const });
    }
  }
  return Object.assign(closureCompile(logic), { mode: "closure" as const });
}

/** The generated source for `logic`, for debugging and for the injection tests. */
export function compiledSource(logic: unknown, options: { limits?: LogicLimits } = {}): string {
  checkLogic(logic, options.limits ?? defaultLimits);
  return generate(logic).source;
}
