import type { TreeIcon } from "./tree.selectors";

/** 16-unit outline icons in the manner of VS Code's codicons; colours come from tree.css. */
const paths: Record<TreeIcon, string> = {
  // Braces: a JSON rule document.
  incentive:
    "M5.5 2.5C4 2.5 4 3.5 4 5s-.5 2.5-1.5 3C3.5 8.5 4 9.5 4 11s0 2.5 1.5 2.5M10.5 2.5C12 2.5 12 3.5 12 5s.5 2.5 1.5 3c-1 .5-1.5 1.5-1.5 3s0 2.5-1.5 2.5",
  elimination:
    "M5.5 2.5C4 2.5 4 3.5 4 5s-.5 2.5-1.5 3C3.5 8.5 4 9.5 4 11s0 2.5 1.5 2.5M10.5 2.5C12 2.5 12 3.5 12 5s.5 2.5 1.5 3c-1 .5-1.5 1.5-1.5 3s0 2.5-1.5 2.5",
  loyalty:
    "M5.5 2.5C4 2.5 4 3.5 4 5s-.5 2.5-1.5 3C3.5 8.5 4 9.5 4 11s0 2.5 1.5 2.5M10.5 2.5C12 2.5 12 3.5 12 5s.5 2.5 1.5 3c-1 .5-1.5 1.5-1.5 3s0 2.5-1.5 2.5",
  // A package: a pack manifest.
  manifest: "M8 1.5 2 4.5v7l6 3 6-3v-7zM2 4.5l6 3 6-3M8 7.5v7",
  // A cylinder: a dataset.
  // A page with a folded corner: a file of the Problems and Search trees.
  file: "M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3",
  // A circle with a cross, a triangle with a bar, a circle with an i: the severities.
  error: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM5.5 5.5l5 5M10.5 5.5l-5 5",
  warning: "M8 1.8 14.5 13.5h-13zM8 6v3.6M8 11.2v.6",
  info: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 7v4.5M8 4.6v.6",
  dataset:
    "M2.5 4c0-1.1 2.5-2 5.5-2s5.5.9 5.5 2-2.5 2-5.5 2-5.5-.9-5.5-2zm0 0v8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2V4M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2",
};

export function TreeRowIcon({ icon }: { icon: TreeIcon }) {
  return (
    <svg
      className={`tree-icon tree-icon--${icon}`}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
    >
      <path d={paths[icon]} fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

/** The twistie of a group row: points right when closed; CSS turns it down when open. */
export function Chevron() {
  return (
    <svg className="tree-chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}
