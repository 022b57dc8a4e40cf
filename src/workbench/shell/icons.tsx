import type { SideBarView } from "../../machines";

/** Outline icons for the activity bar, drawn on a 24-unit grid in the style of VS Code's codicons. */
const paths: Record<SideBarView, string> = {
  explorer: "M4 3h9l5 5v13H4zM13 3v5h5M7 12h8M7 15h8M7 18h5",
  search: "M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.5 15.5 21 21",
  data: "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
  simulation: "M7 4v16l13-8z",
  packs: "M12 2 3 7v10l9 5 9-5V7zM3 7l9 5 9-5M12 12v10",
  settings:
    "M12 8.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM12 2l1.6 2.6 3-.7.7 3 2.6 1.6-1.3 2.5 1.3 2.5-2.6 1.6-.7 3-3-.7L12 22l-1.6-2.6-3 .7-.7-3L4.1 15.5l1.3-2.5-1.3-2.5 2.6-1.6.7-3 3 .7z",
};

export function ViewIcon({ view }: { view: SideBarView }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={paths[view]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
