// Slugs follow what they are made from (a title, a programme's years) until an
// editor types one of their own. Django's own script stops following as soon as
// the slug has a value, so after a form error (or on a form where the slug was
// made from a mistyped year) the slug would keep the mistake. Here a slug that
// is exactly what its sources make is taken as made by the form, not typed, and
// keeps following them, on the add form and on any form shown again with errors.
"use strict";
{
  const follow = () => {
    const constants = document.getElementById("django-admin-prepopulated-fields-constants");
    if (!constants || typeof URLify !== "function") {
      return;
    }
    const adding = /\/add\/$/.test(window.location.pathname);
    const shownAgain = document.querySelector(".errornote") !== null;
    if (!adding && !shownAgain) {
      return;
    }
    for (const field of JSON.parse(constants.dataset.prepopulatedFields || "[]")) {
      const slug = document.querySelector(field.id);
      const sources = field.dependency_ids
        .map((id) => document.querySelector(id))
        .filter((source) => source !== null);
      // An empty slug is followed by Django's own script.
      if (!slug || !slug.value || sources.length === 0) {
        continue;
      }
      const made = () =>
        URLify(
          sources
            .map((source) => source.value)
            .filter((value) => value.length > 0)
            .join(" "),
          field.maxLength,
          field.allowUnicode,
        );
      if (slug.value !== made()) {
        continue; // typed by an editor: theirs to keep
      }
      let typed = false;
      slug.addEventListener("input", () => {
        typed = true;
      });
      const update = () => {
        if (!typed) {
          slug.value = made();
        }
      };
      for (const source of sources) {
        source.addEventListener("input", update);
        source.addEventListener("change", update);
      }
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
}
