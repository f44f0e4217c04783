// Names for the admin's scripted controls that have none of their own, so that
// screen readers announce them (WCAG 2.1: 1.3.1, 4.1.2). The controls are made
// and remade by scripts (select2 autocompletes, the two-box filter of
// permissions, inline rows added with "Add another"), so the fixes are applied
// again whenever the page changes.
(() => {
  "use strict";

  function labelId(element) {
    const label = element.id && document.querySelector(`label[for="${element.id}"]`);
    if (!label) {
      return "";
    }
    if (!label.id) {
      label.id = `${element.id}-label`;
    }
    return label.id;
  }

  // An autocomplete (select2) is named by the label of the select it replaces.
  function nameAutocompletes() {
    for (const select of document.querySelectorAll("select.admin-autocomplete")) {
      const container = select.nextElementSibling;
      const id = labelId(select);
      if (!id || !container || !container.classList.contains("select2")) {
        continue;
      }
      const selection = container.querySelector(".select2-selection");
      const rendered = container.querySelector(".select2-selection__rendered");
      if (selection) {
        const shown = rendered && rendered.id ? ` ${rendered.id}` : "";
        selection.setAttribute("aria-labelledby", `${id}${shown}`);
      }
      if (rendered && rendered.getAttribute("role") === "textbox") {
        rendered.setAttribute("aria-labelledby", id);
      }
      for (const search of container.querySelectorAll(".select2-search__field")) {
        search.setAttribute("aria-labelledby", id);
      }
      // The "clear" button of a multiple select is put inside its list of choices.
      for (const list of container.querySelectorAll("ul.select2-selection__rendered")) {
        for (const child of [...list.children]) {
          if (child.tagName !== "LI") {
            list.before(child);
          }
        }
      }
    }
  }

  // The search icons of the two-box filter carry a name, so they are images.
  function nameFilterIcons() {
    for (const icon of document.querySelectorAll(".search-label-icon[aria-label]")) {
      icon.setAttribute("role", "img");
    }
  }

  // A field in a row of a tabular inline is named by its column heading and row.
  function nameTabularFields() {
    for (const table of document.querySelectorAll(".tabular table")) {
      const headings = [...table.querySelectorAll("thead th")];
      headings.forEach((heading, index) => {
        if (!heading.id) {
          heading.id = `${table.closest(".inline-group")?.id || "inline"}-column-${index}`;
        }
      });
      for (const row of table.querySelectorAll("tbody tr.form-row")) {
        const cells = [...row.children];
        let column = 0;
        for (const cell of cells) {
          const span = Number(cell.getAttribute("colspan") || 1);
          const heading = headings[column];
          column += span;
          if (!heading || !heading.textContent.trim()) {
            continue;
          }
          for (const field of cell.querySelectorAll("input:not([type=hidden]), select, textarea")) {
            if (!field.labels || field.labels.length === 0) {
              if (!field.getAttribute("aria-labelledby") && !field.getAttribute("aria-label")) {
                const original = row.querySelector(".original p, td.original");
                field.setAttribute(
                  "aria-labelledby",
                  original && original.id ? `${heading.id} ${original.id}` : heading.id,
                );
              }
            }
          }
        }
      }
    }
  }

  function fix() {
    nameAutocompletes();
    nameFilterIcons();
    nameTabularFields();
  }

  let scheduled = false;
  function schedule() {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        fix();
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    fix();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
  window.addEventListener("load", fix);
})();
