import { lazy, Suspense, type ComponentType } from "react";
import { useTranslation } from "react-i18next";

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="lazy-part__message" role="status">
      {t("lazyPart.loading")}
    </p>
  );
}

/** What a part shows when its chunk cannot be fetched (a new deployment, the network gone). */
function LoadFailed({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <div className="lazy-part__message" role="alert">
      <p>{t("lazyPart.failed", { reason })}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t("lazyPart.reload")}
      </button>
    </div>
  );
}

/**
 * A part's component that loads with its own chunk the first time it is shown. Views and editors
 * that are not on screen when the workbench opens stay out of the start-up JavaScript, which has a
 * size budget (`npm run bench -- startup`). A chunk that fails to load says so instead of
 * breaking the shell.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Loaded = lazy(() =>
    load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        return { default: (() => <LoadFailed reason={reason} />) as ComponentType<P> };
      },
    ),
  );
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
