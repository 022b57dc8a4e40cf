import { useState } from "react";
import { useTranslation } from "react-i18next";
import { parseJumpTarget, type JumpTarget } from "./jumpToRow";

/**
 * The viewer's "Go to row or id" box (Ctrl+G in the grid). It only reads the text; the viewer
 * resolves the target and answers with a message when there is nothing to go to.
 */
export function JumpBox({
  onJump,
  onClose,
}: {
  onJump: (target: JumpTarget) => Promise<string | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="dataset-viewer__jump"
      onSubmit={(event) => {
        event.preventDefault();
        const target = parseJumpTarget(text);
        if (!target || busy) return;
        setBusy(true);
        setMessage(t("datasets.viewer.jumpSearching"));
        void onJump(target).then((problem) => {
          setBusy(false);
          setMessage(problem);
        });
      }}
    >
      <input
        type="text"
        aria-label={t("datasets.viewer.jump")}
        placeholder={t("datasets.viewer.jumpPlaceholder")}
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <span role="status">{message}</span>
    </form>
  );
}
