// One parameter over a range: the values, the figures per step and the model they are read with.
export {
  sweepModel,
  sweepValues,
  sweepRangeProblem,
  SweepTally,
  type SweepModel,
  type SweepRow,
} from "./sweep";
