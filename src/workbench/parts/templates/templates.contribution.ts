import { pickText } from "../../../base";
import { ruleTemplates } from "../../../engine";
import type { Contribution } from "../contribution";
import { lazyPart } from "../lazyPart";

const TemplateFormEditor = lazyPart(() => import("./TemplateForm").then((m) => m.TemplateFormEditor));

const rules = { en: "Rules", "zh-CN": "规则" };

export const templatesContribution: Contribution = {
  editors: {
    ruleTemplate: {
      component: TemplateFormEditor,
      label: (input, { locale }) => {
        const template = ruleTemplates.find((x) => x.id === input.resource);
        return template ? pickText(template.title, locale) : input.resource;
      },
      description: (input, { locale }) => {
        const template = ruleTemplates.find((x) => x.id === input.resource);
        return template ? pickText(template.description, locale) : undefined;
      },
    },
  },
  commands: [
    {
      id: "rules.newFromTemplate",
      title: { en: "New Rule from Template", "zh-CN": "从模板新建规则" },
      category: rules,
      run: async (s) => {
        const locale = s.preferences.getSnapshot().context.locale;
        const other = locale === "zh-CN" ? "en" : "zh-CN";
        // Both languages on every entry, so typing either finds the scheme.
        const id = await s.quickInput.pick(
          ruleTemplates.map((template) => ({
            label: pickText(template.title, locale),
            description: `${template.catalogue} · ${pickText(template.title, other)}`,
            detail: pickText(template.description, locale),
            value: template.id,
          })),
          { title: s.i18n.t("templates.pick.title"), placeholder: s.i18n.t("templates.pick.placeholder") },
        );
        if (id !== undefined) s.editors.open({ kind: "ruleTemplate", resource: id }, { preview: false });
      },
    },
  ],
};
